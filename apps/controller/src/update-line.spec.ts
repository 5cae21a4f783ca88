import type { UpdateLogEntry } from '@tickswap/control-loop';
import { logEntry } from '../test/log-entry';
import { formatUpdate } from './update-line';

const base = logEntry();

describe('formatUpdate', () => {
  it('gives a commit with its downtime and preparation', () => {
    expect(formatUpdate(base)).toBe(
      'update pid-integral-limit: committed version 0 -> 1 at tick 1002 (prepared): boundary 41.3 µs, next tick 2.0 µs late, 0 ticks missed; prepared in 1 slice between ticks (0.52 ms of work, 5 instances)',
    );
  });

  it('gives a rollback with what the watch caught, and a downtime the loop stopped before finishing', () => {
    const entry: UpdateLogEntry = { ...base, event: 'rolled-back', version: '0', tick: 1010, failure: 'nan', reason: 'its outputs were NaN in tick 1010', downtime: { boundaryMs: 0.2, latenessMs: Number.NaN, missedTicks: 1 }, preparation: undefined };
    expect(formatUpdate(entry)).toBe('update pid-integral-limit: rolled back to version 0 at tick 1010 (nan): boundary 200.0 µs, no next tick, 1 ticks missed; its outputs were NaN in tick 1010');
  });

  it('gives the other outcomes with their reason', () => {
    expect(formatUpdate({ ...base, event: 'kept', reason: '1000 watched ticks without a failure' })).toBe('update pid-integral-limit: kept version 1 (1000 watched ticks without a failure)');
    expect(formatUpdate({ ...base, event: 'abandoned', version: '0', reason: 'no usable boundary; nothing changed' })).toBe('update pid-integral-limit: abandoned, version 0 runs: no usable boundary; nothing changed');
  });
});
