import type { SwapEvent } from './tick-record';

/** The four phases of a tick, in the order they run. */
export type TickPhase = 'read' | 'update' | 'write' | 'boundary';

/**
 * What a phase knows of the tick it runs in. The loop hands every phase of
 * every tick the same object, rewritten at the start of each tick: read it
 * during the call, never keep it. Times are in scheduler units
 * (milliseconds, like RxJS), `dt` in seconds.
 */
export interface TickContext {
  /** Ticks run before this one (0, 1, 2, ...): contiguous, the key of the tick records. */
  readonly index: number;
  /**
   * Grid slot of this tick: it was due at `origin + slot * period`. Slots
   * skipped after an overrun make `slot` run ahead of `index`.
   */
  readonly slot: number;
  /** When the tick was due (ms, scheduler clock). */
  readonly scheduledStart: number;
  /** When the tick actually started (ms, scheduler clock); never before `scheduledStart` on a well-behaved scheduler. */
  readonly actualStart: number;
  /** Seconds since the previous tick's actual start; the nominal period on the first tick. */
  readonly dt: number;
  /**
   * The version running. The boundary sets it when it commits an update; the
   * new value applies from the next tick on (a tick's record carries the
   * version that ran that tick, read when the tick started).
   */
  version: number;
  /**
   * Set by the boundary that commits or rolls back an update (see `SwapEvent`);
   * 0 at the start of every tick. Recorded in the tick's record.
   */
  swap: SwapEvent;
}

/**
 * The work of one tick, in four phases: `read -> update -> write -> boundary`.
 * The loop knows nothing of motors; the controller supplies these.
 *
 * - `read` and `write` may return a promise (a serial bus answers through
 *   Node events); when they return synchronously the whole tick runs
 *   synchronously and the loop allocates nothing for it. What they return is
 *   ignored unless it is a promise (any thenable), so a bus's
 *   `BusOutcome | Promise<BusOutcome>` can be returned as it is. A returned
 *   promise must settle: the loop waits for it (the bus has its own timeouts).
 * - `update` and `boundary` are synchronous.
 * - `boundary` is the quiescent point: nothing else of the tick is running
 *   and the next tick has not been scheduled. Updates commit there; its
 *   duration is recorded as the tick's `commit` time.
 *
 * A phase that throws (or whose promise rejects) faults the tick: see
 * {@link TickLoop} for what happens then.
 *
 * @example
 * const phases: TickPhases = {
 *   read: () => bus.read(readings),
 *   update: (tick) => behaviours.step(readings, commands, tick.dt),
 *   write: () => bus.write(commands),
 *   boundary: (tick) => { if (updates.pending) tick.version = updates.commit(); },
 * };
 */
export interface TickPhases {
  /** Reads the inputs (motor states). Runs every tick: must not allocate on its synchronous path, must not block. */
  read(tick: TickContext): unknown;
  /** Computes (behaviours). Runs every tick: synchronous, must not allocate, must not block. */
  update(tick: TickContext): void;
  /** Sends the outputs (motor goals). Runs every tick: must not allocate on its synchronous path, must not block. */
  write(tick: TickContext): unknown;
  /**
   * The quiescent point: commits a pending update, sets `tick.version`.
   * Runs every tick: synchronous; when nothing is pending it must not
   * allocate; its whole duration is the tick's `commit` time.
   */
  boundary(tick: TickContext): void;
}
