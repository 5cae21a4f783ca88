import { Subscription, type SchedulerAction } from 'rxjs';

/** What a {@link PreciseAction} needs of its scheduler. */
export interface PreciseClock {
  now(): number;
  readonly yieldWindowMs: number;
}

/**
 * One scheduled work of a `PreciseScheduler`. It sleeps with `setTimeout`
 * while the deadline is more than the yield window away, then yields with
 * `setImmediate` until `now()` reaches the deadline, then runs the work.
 * Rescheduling it (from its work or later) re-arms the same object: a
 * periodic work allocates no action per period.
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

  /** Runs the work `delay` ms from now (at once, asynchronously, when `delay <= 0`). */
  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.due = this.clock.now() + (delay > 0 ? delay : 0);
    this.disarm();
    this.arm();
    return this;
  }

  override unsubscribe(): void {
    if (this.closed) return;
    this.disarm();
    this.state = undefined;
    super.unsubscribe();
  }

  private arm(): void {
    const sleep = this.due - this.clock.now() - this.clock.yieldWindowMs;
    if (sleep > 0) this.timer = setTimeout(this.wake, sleep);
    else this.immediate = setImmediate(this.wake);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = this.immediate = undefined;
  }

  private readonly wake = (): void => {
    this.timer = this.immediate = undefined;
    if (this.closed) return;
    if (this.clock.now() < this.due) {
      this.arm();
      return;
    }
    try {
      this.work.call(this, this.state);
    } catch (error) {
      // Like RxJS's schedulers: the action is cancelled and the error thrown (uncaught).
      this.unsubscribe();
      throw error;
    }
  };
}
