import type { CommittedUpdate, Patch, PrepareOptions, PreparedUpdate } from '@tickswap/dsu';
import type { BoundaryCondition } from './boundary-gate';
import { DowntimeMeter } from './downtime-meter';
import type { SliceWork } from './slack-worker';
import type { TickContext } from './tick-phases';
import { SwapEvent } from './tick-record';
import type { UpdateEvent, UpdateLogEntry, WatchFailure } from './update-log-entry';
import { UpdateWatch, type WatchOptions } from './update-watch';

/** Options of one update request. */
export interface UpdateRequestOptions extends PrepareOptions {
  /** Its name in the update log (default `from->to`). */
  readonly id?: string;
}

/**
 * Where an update is: waiting its turn, being prepared in the slack, ready
 * for a usable boundary, committed (watched), being rolled back, or (after
 * its boundary decided it) waiting to be reported as failed.
 */
export type UpdateStage = 'queued' | 'preparing' | 'ready' | 'committed' | 'rolling-back' | 'failed' | 'rollback-failed';

/** What an entry adds to the fields every entry of a job has. */
type EntryFields = Partial<Pick<UpdateLogEntry, 'tick' | 'reason' | 'failure' | 'downtime' | 'preparation'>>;

/**
 * One requested update and everything known of it on its way: the state a
 * `HotSwap` moves it through, and the log entries it produces.
 *
 * @example
 * const job = new UpdateJob(patch, { policy: 'prepared' }, () => scheduler.now());
 * job.outcome.then((entry) => console.log(entry.event));
 */
export class UpdateJob {
  readonly id: string;
  readonly outcome: Promise<UpdateLogEntry>;
  stage: UpdateStage = 'queued';
  /** When its preparation started and when it committed, ms. */
  startedAt = Number.NaN;
  committedAt = Number.NaN;
  prepared: PreparedUpdate | undefined;
  condition: BoundaryCondition | undefined;
  committed: CommittedUpdate | undefined;
  watch: UpdateWatch | undefined;
  commitMeter: DowntimeMeter | undefined;
  rollbackMeter: DowntimeMeter | undefined;
  /** Whether the `committed` entry is out (it waits for the lateness of the tick after the commit). */
  commitLogged = false;
  /** Whether lazy migrations are all done (lazy policy). */
  settled = false;
  failure: WatchFailure | undefined;
  /** What a failed commit or rollback threw. */
  error: unknown;
  /** Preparation slices and their time, kept when it finished. */
  slices = 0;
  workMs = 0;
  private resolve!: (entry: UpdateLogEntry) => void;

  constructor(
    readonly patch: Patch,
    readonly options: UpdateRequestOptions,
    private readonly now: () => number,
  ) {
    this.id = options.id ?? `${patch.from}->${patch.to}`;
    this.outcome = new Promise((resolve) => (this.resolve = resolve));
  }

  /** The policy it is prepared with. */
  get policy(): NonNullable<PrepareOptions['policy']> {
    return this.options.policy ?? 'prepared';
  }

  /**
   * Commits the prepared update: the tick's version and record change, the
   * watch starts with the next tick. A commit that throws leaves everything
   * as it was and marks the job `failed`.
   * Runs at the tick boundary: costs what dsu's commit costs, must not block.
   */
  commitAt(tick: TickContext, watch: WatchOptions): void {
    this.commitMeter = new DowntimeMeter(tick.index);
    try {
      this.committed = this.prepared?.commit();
    } catch (error) {
      this.stage = 'failed';
      this.error = error;
      return;
    }
    this.committedAt = this.now();
    tick.version = Number(this.patch.to);
    tick.swap = SwapEvent.Commit;
    this.stage = 'committed';
    this.watch = new UpdateWatch(tick.index + 1, watch);
  }

  /**
   * Rolls the committed update back after `failure`. A rollback that throws
   * leaves the new version running and marks the job `rollback-failed`.
   * Runs at the tick boundary: costs what dsu's rollback costs (a migration
   * back when the patch declares an inverse), must not block.
   */
  rollBackAt(tick: TickContext, failure: WatchFailure): void {
    this.failure = failure;
    try {
      this.committed?.rollback();
    } catch (error) {
      this.stage = 'rollback-failed';
      this.error = error;
      return;
    }
    tick.version = Number(this.patch.from);
    tick.swap = SwapEvent.Rollback;
    this.stage = 'rolling-back';
    this.rollbackMeter = new DowntimeMeter(tick.index);
  }

  /** A slice of lazy migrations after a lazy commit, in the slack, so that first uses find fewer left to migrate. */
  readonly settle: SliceWork = (shouldYield) => {
    const batch = 64;
    while (!shouldYield()) {
      // The instances found at prepare, in order: no walk of the state inside a slice.
      if ((this.committed?.drain(batch) ?? 0) < batch) {
        this.settled = true;
        return;
      }
    }
  };

  /** A log entry of this update; `version` is the one running once it happened. */
  entry(event: UpdateEvent, version: string, fields: EntryFields = {}): UpdateLogEntry {
    const { tick, reason, failure, downtime, preparation } = fields;
    const { id, patch, policy } = this;
    return { event, id, from: patch.from, to: patch.to, policy, version, tick, at: this.now(), reason, failure, downtime, preparation };
  }

  /** Settles the request's promise with its final entry. */
  finish(entry: UpdateLogEntry): void {
    this.resolve(entry);
  }
}
