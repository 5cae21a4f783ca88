import { createTickRecord, type TickRecords } from '@tickswap/control-loop';
import type { TickWindowMessage, UpdateMessage } from './telemetry-messages';
import { computeMs, latenessMs, toMicros } from './tick-measures';

const micros = (ms: number): number | null => (ms === ms ? toMicros(ms) : null);

/**
 * Copies out of the ring the records of up to `before` ticks before the
 * update's tick, that tick, and up to `after` ticks after it, column by
 * column. Runs off the loop (allocates the message).
 *
 * @example
 * const window = captureWindow(loop.records, update, 200, 800);
 * window.commitUs[200]; // the swapping boundary, µs
 */
export function captureWindow(records: TickRecords, update: UpdateMessage, before: number, after: number): TickWindowMessage {
  const wantedFirst = Math.max(0, update.tick - before);
  const wantedEnd = update.tick + after + 1;
  const first = Math.max(wantedFirst, records.first);
  const end = Math.min(wantedEnd, records.count);
  const into = createTickRecord();
  const window = {
    type: 'tick-window' as const,
    update,
    firstTick: first,
    complete: first === wantedFirst && end === wantedEnd,
    latenessUs: [] as number[],
    computeUs: [] as number[],
    readUs: [] as (number | null)[],
    updateUs: [] as (number | null)[],
    writeUs: [] as (number | null)[],
    commitUs: [] as (number | null)[],
    missed: [] as number[],
    faulted: [] as boolean[],
    version: [] as number[],
  };
  for (let index = first; index < end; index++) {
    const record = records.read(index, into);
    window.latenessUs.push(toMicros(latenessMs(record)));
    window.computeUs.push(toMicros(computeMs(record)));
    window.readUs.push(micros(record.read));
    window.updateUs.push(micros(record.update));
    window.writeUs.push(micros(record.write));
    window.commitUs.push(micros(record.commit));
    window.missed.push(record.missed);
    window.faulted.push(record.faulted);
    window.version.push(record.version);
  }
  return window;
}
