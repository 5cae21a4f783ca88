import type { LiveSystem } from '@tickswap/dsu';
import type { TickRecord } from './tick-record';
import type { UpdateJob } from './update-job';
import type { UpdateLog } from './update-log';
import type { Downtime } from './update-log-entry';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Turns what happened to an update into log entries, between ticks: the
 * `committed` entry once the tick after the commit has run (its lateness is
 * part of the downtime), then the outcome; settles the request's promise.
 *
 * @example
 * const reporter = new UpdateReporter(log, live, (job) => forget(job));
 * loop.ticks$.subscribe((record) => reporter.afterTick(job, record));
 */
export class UpdateReporter {
  constructor(
    private readonly log: UpdateLog,
    private readonly live: LiveSystem,
    /** Called once an update has its final entry. */
    private readonly done: (job: UpdateJob) => void,
  ) {}

  /** The patch was refused (invalid, for another version, failed validation): nothing changed. */
  refused(job: UpdateJob, reason: string): void {
    this.finish(job, job.entry('refused', this.live.namespace.version, { reason }));
  }

  /** The update could not be committed in time or at all: nothing changed. */
  abandoned(job: UpdateJob, reason: string): void {
    this.finish(job, job.entry('abandoned', this.live.namespace.version, { reason: `${reason}; nothing changed` }));
  }

  /** The deadline passed while preparing or waiting for a usable boundary. */
  overdue(job: UpdateJob, deadlineMs: number): void {
    const why =
      job.stage === 'ready'
        ? `no usable boundary within ${deadlineMs} ms: it waited for ${job.condition?.waitingFor ?? 'a boundary'}`
        : `its preparation did not finish within ${deadlineMs} ms (${job.slices} slices between ticks, ${job.workMs.toFixed(1)} ms of work); the ticks leave too little slack`;
    this.abandoned(job, `HotSwap: update '${job.id}' abandoned: ${why}`);
  }

  /**
   * Reports what the boundary of the tick of `record` decided, and the
   * downtime and watch figures it completes; `record` undefined: the loop stopped.
   */
  afterTick(job: UpdateJob, record: TickRecord | undefined): void {
    const tick = job.commitMeter?.tick;
    if (job.stage === 'failed') {
      const reason = `PreparedUpdate#commit failed at the boundary of tick ${tick}: ${messageOf(job.error)}; nothing changed`;
      this.finish(job, job.entry('failed', this.live.namespace.version, { tick, reason }));
      return;
    }
    if (!job.commitLogged) this.committed(job, record === undefined ? job.commitMeter?.figures() : job.commitMeter?.noteTick(record));
    // Once the boundary decided, the watch is over: its figures stay those the decision was made on.
    if (record !== undefined && job.stage === 'committed') job.watch?.noteTick(record);
    const { failure, watch, patch } = job;
    if (job.stage === 'rollback-failed') {
      const reason = `${watch?.reason(failure ?? 'throw')}; the rollback failed: ${messageOf(job.error)}; version ${patch.to} keeps running`;
      this.finish(job, job.entry('rollback-failed', patch.to, { tick: watch?.firstTick, reason, failure }));
    } else if (job.stage === 'rolling-back') {
      const downtime = record === undefined ? job.rollbackMeter?.figures() : job.rollbackMeter?.noteTick(record);
      const reason = `${watch?.reason(failure ?? 'throw')}; rolled back to version ${patch.from}`;
      if (downtime !== undefined) this.finish(job, job.entry('rolled-back', patch.from, { tick: job.rollbackMeter?.tick, reason, failure, downtime }));
    } else if (job.commitLogged && (record === undefined || watch?.complete === true)) {
      const reason = record === undefined ? `the loop stopped after ${watch?.ticks} watched ticks without a failure` : `${watch?.ticks} watched ticks without a failure`;
      // Proven: it will not be rolled back, so the old objects kept for that can be collected.
      job.committed?.release();
      this.finish(job, job.entry('kept', patch.to, { tick, reason }));
    }
  }

  /** The loop stopped with `job` in progress. */
  loopStopped(job: UpdateJob): void {
    if (job.stage === 'queued' || job.stage === 'preparing' || job.stage === 'ready') this.abandoned(job, 'the loop stopped before it could commit');
    else this.afterTick(job, undefined);
  }

  private committed(job: UpdateJob, downtime: Downtime | undefined): void {
    if (downtime === undefined) return;
    job.commitLogged = true;
    const preparation = { elapsedMs: job.committedAt - job.startedAt, workMs: job.workMs, slices: job.slices, instances: job.prepared?.instances ?? 0 };
    this.log.append(job.entry('committed', job.patch.to, { tick: job.commitMeter?.tick, downtime, preparation }));
  }

  private finish(job: UpdateJob, entry: ReturnType<UpdateJob['entry']>): void {
    this.log.append(entry);
    job.finish(entry);
    this.done(job);
  }
}
