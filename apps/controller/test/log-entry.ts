import type { UpdateLogEntry } from '@tickswap/control-loop';

/**
 * An update log entry: the commit of the demo patch at tick 1002 with its
 * downtime and preparation, with `fields` changed.
 *
 * @example
 * logEntry({ event: 'rolled-back', version: '0', failure: 'nan' });
 */
export function logEntry(fields: Partial<UpdateLogEntry> = {}): UpdateLogEntry {
  return {
    event: 'committed',
    id: 'pid-integral-limit',
    from: '0',
    to: '1',
    policy: 'prepared',
    version: '1',
    tick: 1002,
    at: 1002.4,
    reason: undefined,
    failure: undefined,
    downtime: { boundaryMs: 0.0413, latenessMs: 0.002, missedTicks: 0 },
    preparation: { elapsedMs: 1, workMs: 0.52, slices: 1, instances: 5 },
    ...fields,
  };
}
