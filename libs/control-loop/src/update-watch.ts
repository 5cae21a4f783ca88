import { OutputRejectedError } from './output-rejected-error';
import type { TickPhaseError } from './tick-phase-error';
import { createTickRecord, type TickRecord } from './tick-record';
import type { TickRecords } from './tick-records';
import type { WatchFailure } from './update-log-entry';

/** How long a committed update is watched and what it may get away with. */
export interface WatchOptions {
  /** Ticks after the commit during which a failure rolls the update back. */
  readonly ticks: number;
  /**
   * Grid periods the watched ticks may miss beyond what the loop missed
   * before the commit (at the same rate: on a machine whose loop already
   * misses deadlines, those are not the new version's); one more rolls back.
   */
  readonly maxMissedTicks: number;
}

/**
 * Watches the ticks that follow a commit. A failure of the new version:
 * - `throw`: its `update` phase threw (a behaviour failed);
 * - `nan`, `out-of-limit`: the host rejected the tick's outputs with an
 *   `OutputRejectedError` of that kind (thrown from `update`, so the tick's
 *   `write` was skipped and the bad outputs never reached the motors);
 * - `missed-deadlines`: the watched ticks missed more than `maxMissedTicks`
 *   grid periods beyond what as many ticks before the commit missed (the
 *   baseline, read from the loop's records when the watch starts).
 * Faults of `read` and `write` (the bus) are not the new version's and do
 * not count; neither does the lateness the commit itself caused (its tick is
 * not watched: that is the commit's downtime).
 *
 * @example
 * const watch = new UpdateWatch(commitTick + 1, { ticks: 1000, maxMissedTicks: 5 });
 * loop.errors$.subscribe((e) => watch.noteFault(e));
 */
export class UpdateWatch {
  private missed = 0;
  private watched = 0;
  /** Missed periods per tick before the commit. */
  private baselineRate = Number.NaN;
  private baselineTicks = 0;
  private baselineMissed = 0;
  private faultTick = -1;
  private fault: TickPhaseError | undefined;

  constructor(
    /** The first tick watched: the one after the commit. */
    readonly firstTick: number,
    private readonly options: WatchOptions,
  ) {}

  /** Ticks watched so far. */
  get ticks(): number {
    return this.watched;
  }

  /** Whether every tick of the window has passed without a failure. */
  get complete(): boolean {
    return this.watched >= this.options.ticks;
  }

  /** Notes a fault of a phase (from the loop's `errors$`, during the tick). Allocates nothing. */
  noteFault(error: TickPhaseError): void {
    if (error.phase !== 'update' || error.tick < this.firstTick) return;
    this.faultTick = error.tick;
    this.fault = error;
  }

  /** Whether {@link measureBaseline} has run. */
  get hasBaseline(): boolean {
    return !Number.isNaN(this.baselineRate);
  }

  /**
   * Reads, from the loop's records, the periods missed by up to `ticks`
   * ticks before the commit (those the ring still holds). Between ticks.
   */
  measureBaseline(records: TickRecords): void {
    const into = createTickRecord();
    const last = this.firstTick - 2; // the tick before the commit tick
    for (let index = Math.max(records.first, last - this.options.ticks + 1); index <= last; index++) {
      this.baselineMissed += records.read(index, into).missed;
      this.baselineTicks += 1;
    }
    this.baselineRate = this.baselineTicks === 0 ? 0 : this.baselineMissed / this.baselineTicks;
  }

  /** Notes a finished tick (from the loop's `ticks$`). Allocates nothing. */
  noteTick(record: TickRecord): void {
    if (record.index < this.firstTick || this.complete) return;
    this.watched += 1;
    this.missed += record.missed;
  }

  /**
   * The failure that calls for a rollback at the boundary of tick `index`, if any.
   * Runs at the tick boundary: allocates nothing, never blocks.
   */
  failure(index: number): WatchFailure | undefined {
    if (this.faultTick === index) {
      const cause = this.fault?.cause;
      return cause instanceof OutputRejectedError ? cause.kind : 'throw';
    }
    return this.missed > this.allowedMissed() ? 'missed-deadlines' : undefined;
  }

  /** Periods the watched ticks may have missed so far: the baseline's rate over as many ticks, plus the margin. */
  private allowedMissed(): number {
    return this.options.maxMissedTicks + (this.hasBaseline ? this.baselineRate * this.watched : 0);
  }

  /** Why the failure found by {@link failure} rolls back (allocates: call it between ticks). */
  reason(failure: WatchFailure): string {
    if (failure === 'missed-deadlines') {
      const before = `the ${this.baselineTicks} ticks before the commit missed ${this.baselineMissed}`;
      return `the new version missed ${this.missed} tick deadlines in its first ${this.watched} ticks (${before}; at most ${Math.floor(this.allowedMissed())} allowed)`;
    }
    const what = failure === 'throw' ? 'a behaviour threw' : failure === 'nan' ? 'its outputs were NaN' : 'its outputs were out of limits';
    const message = this.fault?.cause instanceof Error ? this.fault.cause.message : String(this.fault?.cause);
    return `${what} in tick ${this.faultTick} (${this.faultTick - this.firstTick + 1} ticks after the commit): ${message}`;
  }
}
