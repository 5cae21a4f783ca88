import type { SchedulerAction, SchedulerLike } from 'rxjs';
import type { TickRecord } from './tick-record';

/**
 * A piece of work done in slices: each call works until `shouldYield()`
 * returns true (asked between small units of work) or the work is done.
 */
export type SliceWork = (shouldYield: () => boolean) => void;

/** How much of the slack between two ticks the worker may use. */
export interface SlackBudget {
  /** Longest slice, ms. */
  readonly maxSliceMs: number;
  /** A slice ends at the latest this long before the next tick is due, ms. */
  readonly guardMs: number;
}

/**
 * Runs work in the slack between ticks, so that no tick is delayed by it
 * (the hot swap's preparation of an update, telemetry's `SlackRunner`):
 * after a tick (its record in hand), one slice is scheduled on the loop's
 * scheduler to run at once, that is before the next tick, and works until
 * `maxSliceMs` have passed or the next tick is `guardMs` away. When the tick
 * left no slack (it ended too close to the next deadline), no slice runs.
 *
 * On virtual time the clock does not move while work runs, so work done in
 * one slice there is done before the next tick, whatever its size.
 *
 * @example
 * const worker = new SlackWorker(loop.scheduler, loop.periodMs, { maxSliceMs: 0.5, guardMs: 0.2 });
 * loop.ticks$.subscribe((record) => worker.afterTick(record, prepareSome));
 */
export class SlackWorker {
  private sliceEnd = 0;
  private nextDue = 0;
  private work: SliceWork | undefined;
  /**
   * The scheduler action the slices run in, re-armed after each tick rather
   * than scheduled anew: a new action (and closure) after every tick would be
   * garbage made at the loop's rate, collected at the cost of tick starts.
   */
  private action: SchedulerAction<void> | undefined;
  /** Whether the current slice has used its budget. */
  readonly shouldYield = (): boolean => this.scheduler.now() >= this.sliceEnd;

  /** Whether a slice is scheduled and has not run yet. */
  get scheduled(): boolean {
    return this.work !== undefined;
  }

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly periodMs: number,
    private readonly budget: SlackBudget,
  ) {}

  /**
   * Schedules one slice of `work` in the slack after the tick of `record`.
   * Called after every tick that has work; at most one slice is pending.
   * Runs every tick: must not allocate (past the first call), must not block.
   */
  afterTick(record: TickRecord, work: SliceWork): void {
    if (this.work !== undefined) return;
    this.nextDue = record.scheduledStart + (record.missed + 1) * this.periodMs;
    this.work = work;
    // Re-arming returns the action that will run (virtual time's actions may hand over to a new one).
    this.action = (this.action === undefined || this.action.closed ? this.scheduler.schedule(this.slice, 0) : this.action.schedule(undefined, 0)) as SchedulerAction<void>;
  }

  /** Cancels the slice not run yet (the loop stopped). */
  cancel(): void {
    this.action?.unsubscribe();
    this.action = this.work = undefined;
  }

  private readonly slice = (): void => {
    const work = this.work as SliceWork;
    this.work = undefined;
    const start = this.scheduler.now();
    this.sliceEnd = Math.min(start + this.budget.maxSliceMs, this.nextDue - this.budget.guardMs);
    if (this.sliceEnd > start) work(this.shouldYield);
  };
}
