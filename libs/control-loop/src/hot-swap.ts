import type { LiveSystem, Patch } from '@tickswap/dsu';
import { hotSwapSettings, type HotSwapOptions, type HotSwapSettings } from './hot-swap-options';
import { LoopConfigError } from './loop-config-error';
import { LoopUsageError } from './loop-usage-error';
import { SlackWorker, type SliceWork } from './slack-worker';
import type { TickLoop } from './tick-loop';
import type { TickContext } from './tick-phases';
import type { TickRecord } from './tick-record';
import type { TickRecords } from './tick-records';
import { UpdateJob, type UpdateRequestOptions } from './update-job';
import { UpdateLog } from './update-log';
import type { UpdateLogEntry } from './update-log-entry';
import { UpdateReporter } from './update-reporter';
import { loopVersion } from './loop-version';
import { warmUpUpdates } from './warm-up-updates';

/**
 * Hot swap at the tick boundary: a loop's running version is replaced
 * between two ticks, its state migrated (by `@tickswap/dsu`), and no tick is
 * delayed by the preparation.
 *
 * - **Accepted at any time**: `request()` queues an update (one runs at a time).
 * - **Prepared off the tick**: the walk of the state, the new namespace and
 *   the migrated copies are built in the slack between ticks (`SlackWorker`).
 * - **Committed at the quiescent point**: the {@link boundary} (the loop's
 *   boundary phase: after write, before the next read, no behaviour code and
 *   no bus transaction of the tick in flight) commits, so a tick is entirely
 *   old or entirely new. The commit migrates from the state as of that
 *   boundary (dsu's `prepared` policy re-migrates what changed since
 *   preparation; `lazy` migrates on first use), so what the ticks changed
 *   meanwhile (a PID integral) is what the new version starts from.
 * - **Only where the gate allows** (multi-rate behaviours idle), and **within
 *   `deadlineMs`** of the start of its preparation; otherwise it is abandoned
 *   with the reason and nothing changed.
 * - **Watched**: for `watchTicks` ticks a behaviour that throws, outputs the
 *   host rejects (NaN, out of limits: see `OutputRejectedError`) or too many
 *   missed deadlines roll it back at that tick's boundary (dsu's rollback:
 *   the declared inverse migration, or the state as it was at commit).
 *   An update that passes its watch is released (it can no longer be rolled
 *   back, and the old objects kept for that can be collected).
 * - **Accounted**: each swap sets the tick record's `swap`; its downtime
 *   (boundary duration, lateness of the next tick, ticks missed) goes into
 *   the {@link log}, with every outcome, between ticks.
 *
 * @example
 * const swap = new HotSwap(live, { deadlineMs: 2000, watchTicks: 1000 });
 * const loop = new TickLoop({ read, update, write, boundary: swap.boundary }, { scheduler, version: 1 });
 * swap.attach(loop);
 * loop.start();
 * const outcome = await swap.request(patch, { policy: 'prepared' }); // outcome.event: 'kept', 'rolled-back', ...
 */
export class HotSwap {
  /** Every commit, rollback and outcome, with its downtime. */
  readonly log = new UpdateLog();
  private readonly settings: HotSwapSettings;
  private loop: TickLoop | undefined;
  private worker: SlackWorker | undefined;
  private reporter: UpdateReporter | undefined;
  private readonly queue: UpdateJob[] = [];
  private job: UpdateJob | undefined;

  constructor(
    /** The running namespace and state the loop's phases use. */
    readonly live: LiveSystem,
    options: HotSwapOptions = {},
  ) {
    this.settings = hotSwapSettings(options);
  }

  /** The update in progress, if any (its stage and figures), for status displays. */
  get current(): UpdateJob | undefined {
    return this.job;
  }

  /**
   * Binds to the loop whose boundary phase calls {@link boundary}: follows
   * its ticks and faults. The loop's version must be the running namespace's.
   * Call it before the loop starts: it warms the update code up (`warmUpRounds`).
   */
  attach(loop: TickLoop): void {
    if (this.loop !== undefined) throw new LoopUsageError('HotSwap#attach failed: already attached to a loop; a HotSwap serves one loop');
    const version = loopVersion(this.live.namespace.version, 'HotSwap#attach');
    if (version !== loop.version) {
      throw new LoopConfigError(`HotSwap#attach failed: the loop runs version ${loop.version} but the namespace is version '${this.live.namespace.version}'; give the loop { version: ${version} }`);
    }
    const { maxSliceMs = loop.periodMs / 2, guardMs, warmUpRounds } = this.settings;
    warmUpUpdates(warmUpRounds);
    this.loop = loop;
    this.worker = new SlackWorker(loop.scheduler, loop.periodMs, { maxSliceMs, guardMs });
    this.reporter = new UpdateReporter(this.log, this.live, (job) => {
      if (this.job === job) this.job = undefined;
    });
    loop.ticks$.subscribe({ next: this.afterTick, complete: this.loopStopped });
    loop.errors$.subscribe((error) => this.job?.watch?.noteFault(error));
  }

  /**
   * Queues `patch`; resolves with its final log entry (`kept`, `rolled-back`,
   * `rollback-failed`, `abandoned`, `refused` or `failed`), never rejects.
   * May be called at any time, from anywhere; the work starts after the next tick.
   */
  request(patch: Patch, options: UpdateRequestOptions = {}): Promise<UpdateLogEntry> {
    const loop = this.loop;
    if (loop === undefined) throw new LoopUsageError('HotSwap#request failed: not attached to a loop; call attach(loop) first');
    const job = new UpdateJob(patch, options, () => loop.scheduler.now());
    const reporter = this.reporter as UpdateReporter;
    if (loop.state === 'stopped') reporter.abandoned(job, 'the loop is stopped');
    else {
      try {
        loopVersion(patch.to, 'HotSwap#request');
        this.queue.push(job);
      } catch (error) {
        reporter.refused(job, (error as Error).message);
      }
    }
    return job.outcome;
  }

  /**
   * The hot-swap part of the loop's boundary phase: commits the ready update
   * where the gate allows, or rolls back a watched one that failed.
   * Runs at the tick boundary: allocates nothing when there is nothing to
   * swap; a commit or rollback costs what dsu's commit or rollback costs
   * (never per instance with `lazy`), must not block.
   */
  readonly boundary = (tick: TickContext): void => {
    const job = this.job;
    if (job === undefined) return;
    if (job.stage === 'ready') {
      if (job.condition?.open() === true) job.commitAt(tick, this.settings.watch);
    } else if (job.stage === 'committed') {
      const failure = job.watch?.failure(tick.index);
      if (failure !== undefined) job.rollBackAt(tick, failure);
    }
  };

  /** After every tick, between ticks: starts, prepares, reports. Allocates nothing when no update is in progress. */
  private readonly afterTick = (record: TickRecord): void => {
    const job = this.job ?? this.next();
    if (job === undefined) return;
    const reporter = this.reporter as UpdateReporter;
    const worker = this.worker as SlackWorker;
    const overdue = (this.loop?.scheduler.now() ?? 0) - job.startedAt > this.settings.deadlineMs;
    if (job.stage === 'preparing' || job.stage === 'ready') {
      if (overdue) reporter.overdue(job, this.settings.deadlineMs);
      else if (job.stage === 'preparing') worker.afterTick(record, this.prepare);
    } else {
      if (job.watch?.hasBaseline === false) job.watch.measureBaseline(this.loop?.records as TickRecords);
      reporter.afterTick(job, record);
      if (this.job === job && job.stage === 'committed' && job.policy === 'lazy' && !job.settled) worker.afterTick(record, job.settle);
    }
  };

  private next(): UpdateJob | undefined {
    const job = this.queue.shift();
    if (job === undefined) return undefined;
    this.job = job;
    job.stage = 'preparing';
    job.startedAt = this.loop?.scheduler.now() ?? Number.NaN;
    return job;
  }

  /** A slice of preparation, in the slack: dsu's preparation in slices, advanced until the slice's budget is used. */
  private readonly prepare: SliceWork = (shouldYield) => {
    const job = this.job as UpdateJob;
    const now = () => this.loop?.scheduler.now() ?? Number.NaN;
    const start = now();
    try {
      job.prepared ??= this.live.prepareInSlices(job.patch, job.options);
      if (job.prepared.advance(shouldYield)) {
        job.condition = this.settings.gate(job.prepared);
        job.stage = 'ready';
      }
    } catch (error) {
      (this.reporter as UpdateReporter).refused(job, error instanceof Error ? error.message : String(error));
    } finally {
      job.slices += 1;
      job.workMs += now() - start;
    }
  };

  private readonly loopStopped = (): void => {
    this.worker?.cancel();
    const reporter = this.reporter as UpdateReporter;
    if (this.job !== undefined) reporter.loopStopped(this.job);
    for (const job of this.queue.splice(0)) reporter.abandoned(job, 'the loop stopped before its turn');
  };
}
