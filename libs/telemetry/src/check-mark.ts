import type { TickRecords } from '@tickswap/control-loop';
import type { UpdateMark } from './telemetry-messages';
import { MAX_NOTE_LENGTH, MAX_NOTES } from './telemetry-messages';
import { TelemetryUsageError } from './telemetry-usage-error';

const METHOD = 'TickTelemetry#markUpdate';
const isVersion = (value: unknown): boolean => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/**
 * Checks that a mark can be placed among the loop's records: the tick is one
 * the loop has run or is running and still holds, the kind is known, the
 * pause a duration. Throws a TelemetryUsageError saying what to pass instead.
 *
 * @example
 * checkMark({ tick: 41, kind: 'commit', from: 3, to: 4, pauseMs: 0.2 }, loop.records);
 */
export function checkMark(mark: UpdateMark, records: TickRecords): void {
  const { tick, kind, pauseMs } = mark;
  if (!Number.isInteger(tick) || tick < 0) {
    throw new TelemetryUsageError(`${METHOD} failed: tick ${tick} is not a tick index; pass the index of the tick whose boundary swapped (TickContext.index)`);
  }
  if (tick > records.count) {
    throw new TelemetryUsageError(`${METHOD} failed: tick ${tick} has not run yet (the loop is at tick ${records.count}); mark an update once its boundary has run`);
  }
  if (tick < records.first) {
    throw new TelemetryUsageError(`${METHOD} failed: tick ${tick} has left the loop's records (ticks ${records.first}..${records.count - 1} are held); mark an update as soon as it happens`);
  }
  if (kind !== 'commit' && kind !== 'rollback') {
    throw new TelemetryUsageError(`${METHOD} failed: kind must be 'commit' or 'rollback', got ${String(kind)}`);
  }
  if (!(pauseMs >= 0 && Number.isFinite(pauseMs))) {
    throw new TelemetryUsageError(`${METHOD} failed: pauseMs must be the boundary's duration in ms (>= 0), got ${pauseMs}`);
  }
  const { notes } = mark;
  if (notes !== undefined && !(Array.isArray(notes) && notes.length <= MAX_NOTES && notes.every((note) => typeof note === 'string' && note.length <= MAX_NOTE_LENGTH))) {
    throw new TelemetryUsageError(`${METHOD} failed: notes must be at most ${MAX_NOTES} strings of at most ${MAX_NOTE_LENGTH} characters; shorten them`);
  }
  if (!isVersion(mark.from) || !isVersion(mark.to)) {
    throw new TelemetryUsageError(`${METHOD} failed: from and to must be versions (a string or a finite number), got ${String(mark.from)} and ${String(mark.to)}`);
  }
}
