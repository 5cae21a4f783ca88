import { SlackWorker, type SliceWork, type TickRecord } from '@tickswap/control-loop';
import type { Subscription } from 'rxjs';
import { slackRunnerSettings, type SlackRunnerOptions, type SlackRunnerSettings, type TickingSource } from './slack-runner-options';

/** A periodic job: `final` is true for its last run, after the loop stopped. */
export type PeriodicJob = (final: boolean) => void;

interface Periodic {
  readonly job: PeriodicJob;
  readonly intervalMs: number;
  nextAtMs: number;
}

/**
 * Runs telemetry's work in the slack right after ticks, so that it does not
 * delay one: after a tick that leaves work waiting, one slice is scheduled at
 * once on the loop's scheduler (it runs before the next tick) and runs jobs
 * until `maxSliceMs` have passed or the next tick is `guardMs` away; what is
 * left waits for the next tick. The slices are control-loop's `SlackWorker`,
 * the one the hot swap prepares updates in; this adds a queue of jobs,
 * periodic jobs, a watch for a stalled loop and a last run at the stop.
 * Periodic jobs fall due on the loop's clock (ticks' starts), so no timer of
 * theirs fires in the middle of a wait.
 * When the loop stops, every periodic job runs a last time (`final`), then
 * whatever waits; when it stalls (no tick for `watchdogMs`), the periodic
 * jobs run anyway. A job is one unit of work: keep each to ~100 µs.
 *
 * @example
 * const slack = new SlackRunner({ loop, scheduler });
 * slack.every(1000, (final) => publishStatistics(final));
 * slack.push(() => cutWindow(update));
 */
export class SlackRunner {
  readonly loop: TickingSource;
  private readonly settings: SlackRunnerSettings;
  private readonly periodic: Periodic[] = [];
  private readonly queue: (() => void)[] = [];
  private readonly ticks: Subscription;
  private watchdog: Subscription | undefined;
  private readonly worker: SlackWorker;
  private nextPeriodicMs = Number.POSITIVE_INFINITY;
  private lastStartMs = Number.NaN;
  private ticksAtWatch = -1;
  private droppedJobs = 0;
  private finished = false;

  constructor(options: SlackRunnerOptions) {
    this.settings = slackRunnerSettings(options);
    this.loop = options.loop;
    const { scheduler, maxSliceMs, guardMs } = this.settings;
    this.worker = new SlackWorker(scheduler, this.loop.periodMs, { maxSliceMs, guardMs });
    this.shouldYield = this.worker.shouldYield;
    this.ticks = this.loop.ticks$.subscribe({ next: this.afterTick, complete: () => this.settings.scheduler.schedule(() => this.finish(), 0) });
  }

  /** Jobs dropped because `maxQueued` were waiting. */
  get dropped(): number {
    return this.droppedJobs;
  }

  /** Whether the loop has stopped and the last run is done. */
  get done(): boolean {
    return this.finished;
  }

  /** Whether the slice in progress has used its budget (a job made of units may ask between them). */
  readonly shouldYield: () => boolean;

  /** Runs `job` every `intervalMs` of the loop's clock, from the first tick on (or from now). Returns a function that cancels it. */
  every(intervalMs: number, job: PeriodicJob): () => void {
    const periodic: Periodic = { job, intervalMs, nextAtMs: this.lastStartMs + intervalMs };
    this.periodic.push(periodic);
    if (periodic.nextAtMs < this.nextPeriodicMs) this.nextPeriodicMs = periodic.nextAtMs;
    return () => {
      const at = this.periodic.indexOf(periodic);
      if (at >= 0) this.periodic.splice(at, 1);
    };
  }

  /** Queues a job for the next slice (dropped, counted, when `maxQueued` wait); after the last run, runs it at once. */
  push(job: () => void): void {
    if (this.finished) job();
    else if (this.queue.length >= this.settings.maxQueued) this.droppedJobs += 1;
    else this.queue.push(job);
  }

  /**
   * Runs every tick, at the quiescent point: must not allocate, must not block.
   * Only a tick that leaves work waiting schedules a slice (the worker then
   * allocates its timer: a few times a second, not per tick).
   */
  private readonly afterTick = (record: TickRecord): void => {
    if (this.lastStartMs !== this.lastStartMs) this.startClocks(record.actualStart);
    this.lastStartMs = record.actualStart;
    if (this.queue.length === 0 && record.actualStart < this.nextPeriodicMs) return;
    this.worker.afterTick(record, this.runSlice);
  };

  /** Stops following the loop, without a last run; what waits is dropped. */
  close(): void {
    this.finished = true;
    this.queue.length = 0;
    this.worker.cancel();
    this.ticks.unsubscribe();
    this.watchdog?.unsubscribe();
  }

  /** At the first tick: the periodic jobs registered before count from it, and the watch for a stall begins. */
  private startClocks(startMs: number): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const runner = this;
    this.watchdog = this.settings.watchdog.schedule(function () {
      runner.watch();
      if (!runner.finished) this.schedule(undefined, runner.settings.watchdogMs);
    }, this.settings.watchdogMs);
    for (const periodic of this.periodic) periodic.nextAtMs = startMs + periodic.intervalMs;
    this.nextPeriodicMs = this.periodic.reduce((next, p) => Math.min(next, p.nextAtMs), Number.POSITIVE_INFINITY);
  }

  /** A slice the worker runs when the tick left slack: the periodic jobs due first, then queued jobs while the budget lasts. */
  private readonly runSlice: SliceWork = (shouldYield) => {
    this.queuePeriodic((p) => this.lastStartMs >= p.nextAtMs, false);
    while (this.queue.length > 0 && !shouldYield()) (this.queue.shift() as () => void)();
  };

  /** Puts the periodic jobs that are `due` first in the queue and moves their next time on by a period (from now, if they fell behind). */
  private queuePeriodic(due: (periodic: Periodic) => boolean, final: boolean): void {
    const jobs = this.periodic.filter(due);
    for (const periodic of jobs) {
      periodic.nextAtMs += periodic.intervalMs;
      if (periodic.nextAtMs <= this.lastStartMs) periodic.nextAtMs = this.lastStartMs + periodic.intervalMs;
    }
    this.queue.unshift(...jobs.map((periodic) => () => periodic.job(final)));
    this.nextPeriodicMs = this.periodic.reduce((next, p) => Math.min(next, p.nextAtMs), Number.POSITIVE_INFINITY);
  }

  /** The loop runs but no tick came since the last watch: it stalled, so there is no tick to delay; run the periodic jobs now. */
  private watch(): void {
    const count = this.loop.records.count;
    if (this.loop.state === 'running' && count === this.ticksAtWatch && !this.worker.scheduled) {
      this.queuePeriodic(() => true, false);
      this.runAll();
    }
    this.ticksAtWatch = count;
  }

  private finish(): void {
    if (this.finished) return;
    this.queuePeriodic(() => true, true);
    this.runAll();
    this.close();
  }

  private runAll(): void {
    while (this.queue.length > 0) (this.queue.shift() as () => void)();
  }
}
