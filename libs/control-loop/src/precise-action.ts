import { Subscription, type SchedulerAction } from 'rxjs';

/** What a {@link PreciseAction} needs of its scheduler. */
export interface PreciseClock {
  now(): number;
  /** Sleep (setTimeout) until this long before the deadline (ms), wait actively from then on. */
  readonly yieldWindowMs: number;
  /** Longest synchronous spin per event-loop turn while waiting actively (ms); 0 yields every turn. */
  readonly spinSliceMs: number;
}

/**
 * Between two clock reads of a spin. Every `performance.now()` returns a new
 * heap number (16 B): read back to back, a 1 kHz wait produces enough garbage
 * for a scavenge every millisecond, and a scavenge that lands on a deadline
 * makes that tick late. ~100 ns between reads keeps the wait precise to well
 * under a microsecond and the garbage several times lower.
 */
const PAUSE_STEPS = 100;
const pauseSink = new Float64Array(1);

function pause(): void {
  for (let step = 0; step < PAUSE_STEPS; step++) pauseSink[0] = (pauseSink[0] as number) + step;
}

/**
 * One scheduled work of a `PreciseScheduler`. It sleeps with `setTimeout`
 * while the deadline is more than the yield window away; within the window it
 * waits actively: each event-loop turn it spins for at most `spinSliceMs`
 * (I/O waits no longer than that) and then yields with `setImmediate`, until
 * `now()` reaches the deadline; then it runs the work. Rescheduling re-arms
 * the same object, so a periodic work allocates no action per period.
 *
 * @example
 * const action = new PreciseAction(scheduler, work).schedule(undefined, 1);
 */
export class PreciseAction<T> extends Subscription implements SchedulerAction<T> {
  private due = 0;
  private state: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private immediate: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly clock: PreciseClock,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
  }

  /** Runs the work `delay` ms from now (at once, but asynchronously, when `delay <= 0`). */
  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    const now = this.clock.now();
    this.due = now + (delay > 0 ? delay : 0);
    this.disarm();
    this.arm(now);
    return this;
  }

  override unsubscribe(): void {
    if (this.closed) return;
    this.disarm();
    this.state = undefined;
    super.unsubscribe();
  }

  private arm(now: number): void {
    const sleep = this.due - now - this.clock.yieldWindowMs;
    if (sleep > 0) this.timer = setTimeout(this.wake, sleep);
    else this.immediate = setImmediate(this.wake);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = this.immediate = undefined;
  }

  /** A timer or an event-loop turn: wait on, or run the work. Must not allocate while waiting. */
  private readonly wake = (): void => {
    this.timer = this.immediate = undefined;
    if (this.closed) return;
    const clock = this.clock;
    const due = this.due;
    let now = clock.now();
    if (now < due && due - now <= clock.yieldWindowMs) {
      const sliceEnd = now + clock.spinSliceMs;
      while (now < due && now < sliceEnd) {
        pause();
        now = clock.now();
      }
    }
    if (now < due) {
      this.arm(now);
      return;
    }
    try {
      this.work.call(this, this.state);
    } catch (error) {
      // As RxJS's own schedulers do: cancel the action and let the error surface (uncaught).
      this.unsubscribe();
      throw error;
    }
  };
}
