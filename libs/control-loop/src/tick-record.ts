/**
 * What a tick's boundary did to the running version: nothing, committed an
 * update, or rolled one back. The version it sets runs from the next tick.
 */
export const SwapEvent = { None: 0, Commit: 1, Rollback: 2 } as const;
/** One of the {@link SwapEvent} values. */
export type SwapEvent = (typeof SwapEvent)[keyof typeof SwapEvent];

/**
 * The record of one tick. Times in milliseconds on the scheduler's clock;
 * a phase that did not run (skipped after a fault) has a duration of `NaN`.
 */
export interface TickRecord {
  /** Ticks run before this one: the key of the tick records. */
  index: number;
  /** Grid slot: the tick was due at `origin + slot * period`. */
  slot: number;
  /** When the tick was due (ms). */
  scheduledStart: number;
  /** When the tick started (ms). Lateness is `actualStart - scheduledStart`. */
  actualStart: number;
  /** Duration of the read phase (ms). */
  read: number;
  /** Duration of the update phase (ms). */
  update: number;
  /** Duration of the write phase (ms). */
  write: number;
  /** Duration of the boundary, where updates commit (ms). */
  commit: number;
  /** Grid periods skipped because this tick ended after the next deadline(s): 0 when on time. */
  missed: number;
  /** Whether a phase of this tick threw or rejected. */
  faulted: boolean;
  /** The version that ran this tick. */
  version: number;
  /** What this tick's boundary did to the version (its duration is `commit`; the next tick's lateness and this tick's `missed` are what it cost). */
  swap: SwapEvent;
}

/**
 * A blank record (phase durations `NaN`), to fill with {@link TickRecords.read}.
 *
 * @example
 * const into = createTickRecord();
 * loop.records.read(41, into).commit; // boundary duration of tick 41
 */
export function createTickRecord(): TickRecord {
  return {
    index: 0,
    slot: 0,
    scheduledStart: 0,
    actualStart: 0,
    read: Number.NaN,
    update: Number.NaN,
    write: Number.NaN,
    commit: Number.NaN,
    missed: 0,
    faulted: false,
    version: 0,
    swap: SwapEvent.None,
  };
}
