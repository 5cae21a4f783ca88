import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';
import { LoopConfigError } from './loop-config-error';
import { PreciseAction, type PreciseClock } from './precise-action';
import { TIMING_MODES, type TimingMode } from './timing-modes';

/** How a {@link PreciseScheduler} waits. */
export interface PreciseSchedulerOptions {
  /** Preset of the yield window (default `'precise'`); see {@link TimingMode}. */
  readonly mode?: TimingMode;
  /** Overrides the mode's yield window (ms): sleep until this long before a deadline, wait actively from then on. */
  readonly yieldWindowMs?: number;
  /**
   * Longest synchronous spin per event-loop turn while waiting actively (ms,
   * default 0.02): I/O is served at least this often. 0 yields every turn
   * (`setImmediate` only), which allocates more and so triggers more GC.
   */
  readonly spinSliceMs?: number;
}

/**
 * A real-time RxJS scheduler for the robot: `now()` is `performance.now()`
 * (ms, sub-µs resolution) and work runs when `now()` has reached its
 * deadline, not before, as close after it as the {@link TimingMode} allows.
 * Node's own timers (what `asyncScheduler` and `interval` use) drift by ~10%
 * at 1 kHz; this scheduler sleeps with `setTimeout` until shortly before the
 * deadline and then waits actively until it, in slices of at most
 * `spinSliceMs` between which it yields with `setImmediate`, so the event loop
 * keeps serving I/O (MQTT, serial) while it waits.
 *
 * @example
 * const scheduler = new PreciseScheduler({ mode: 'precise' });
 * interval(1, scheduler).subscribe(tick); // or: new TickLoop(phases, { scheduler })
 */
export class PreciseScheduler implements SchedulerLike, PreciseClock {
  readonly mode: TimingMode;
  readonly yieldWindowMs: number;
  readonly spinSliceMs: number;

  constructor(options: PreciseSchedulerOptions = {}) {
    this.mode = options.mode ?? 'precise';
    const window = options.yieldWindowMs ?? TIMING_MODES[this.mode];
    if (!(window >= 0)) {
      throw new LoopConfigError(`PreciseScheduler#constructor failed: yieldWindowMs must be >= 0 (ms), got ${window}`);
    }
    const slice = options.spinSliceMs ?? 0.02;
    if (!(slice >= 0)) {
      throw new LoopConfigError(`PreciseScheduler#constructor failed: spinSliceMs must be >= 0 (ms), got ${slice}`);
    }
    this.yieldWindowMs = window;
    this.spinSliceMs = slice;
  }

  /** Milliseconds from `performance.now()`. */
  now(): number {
    return performance.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new PreciseAction<T>(this, work).schedule(state, delay);
  }
}
