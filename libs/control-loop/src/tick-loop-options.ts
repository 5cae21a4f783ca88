import type { SchedulerLike } from 'rxjs';

/** How a `TickLoop` runs. */
export interface TickLoopOptions {
  /**
   * The time source, in milliseconds: a `PreciseScheduler` on the robot, a
   * `VirtualTimeScheduler` / `TestScheduler` in tests and the simulator. It
   * must run work asynchronously (not inside `schedule()`), as these do.
   */
  readonly scheduler: SchedulerLike;
  /** Ticks per second (default 1000). */
  readonly rateHz?: number;
  /** Ticks whose records are kept in the ring (default 4096). */
  readonly recordCapacity?: number;
  /**
   * Fault policy: the loop stops by itself after this many faulted ticks in
   * a row (default 10; `1` stops at the first fault, `Infinity` never stops).
   */
  readonly maxConsecutiveFaults?: number;
  /** The version running when the loop starts (default 0). */
  readonly version?: number;
}

/** Where a loop is in its life. A loop runs once: `idle -> running -> (stopping ->) stopped`. */
export type LoopState = 'idle' | 'running' | 'stopping' | 'stopped';

/** Why a loop stopped: `stop()` was called, or the fault policy stopped it. */
export type LoopStopReason = 'requested' | 'fault-limit';
