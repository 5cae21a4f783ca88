import { createTickRecord, type TickRecords } from '@tickswap/control-loop';
import type { UpdateKind, UpdateMessage } from './telemetry-messages';
import { latenessMs, roundMs, toMicros } from './tick-measures';

/** An update as first seen: marked by the hot-swap code, or a version change found in the records. */
export interface SeenUpdate {
  readonly tick: number;
  readonly kind: UpdateKind;
  readonly from: string;
  readonly to: string;
  /** From the mark; otherwise the boundary's duration is read from the tick's record. */
  readonly pauseMs?: number;
  readonly id?: string;
  readonly reason?: string;
  readonly notes?: readonly string[];
}

/**
 * The message of an update, completed from the loop's records: when the
 * swapping tick started, what its boundary took, the periods it skipped, and
 * the lateness of the tick after it. Runs off the loop (allocates).
 *
 * @example
 * updateMessage(loop.records, { tick: 41, kind: 'commit', from: '1', to: '2', pauseMs: 0.3 }).nextLatenessUs;
 */
export function updateMessage(records: TickRecords, seen: SeenUpdate): UpdateMessage {
  const into = createTickRecord();
  const held = records.has(seen.tick);
  const swapping = held ? records.read(seen.tick, into) : undefined;
  const atMs = swapping?.actualStart ?? null;
  const recordedPause = swapping?.commit ?? 0;
  const missedTicks = swapping?.missed ?? 0;
  const nextLatenessUs = records.has(seen.tick + 1) ? toMicros(latenessMs(records.read(seen.tick + 1, into))) : null;
  const pauseMs = seen.pauseMs ?? (recordedPause === recordedPause ? roundMs(recordedPause) : 0);
  const message: UpdateMessage = {
    type: 'update',
    kind: seen.kind,
    tick: seen.tick,
    atMs,
    from: seen.from,
    to: seen.to,
    pauseMs,
    nextLatenessUs,
    missedTicks,
  };
  return {
    ...message,
    ...(seen.id === undefined ? {} : { id: seen.id }),
    ...(seen.reason === undefined ? {} : { reason: seen.reason }),
    ...(seen.notes === undefined ? {} : { notes: seen.notes }),
  };
}
