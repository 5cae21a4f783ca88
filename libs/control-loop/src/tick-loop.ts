import { Subject, type Observable, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import { isPromiseLike } from './is-promise-like';
import { LogLinearHistogram } from './log-linear-histogram';
import { nextSlot } from './next-slot';
import { readPercentiles, type Percentiles } from './percentiles';
import { reschedule } from './reschedule';
import { TickPhaseError } from './tick-phase-error';
import type { TickContext, TickPhase, TickPhases } from './tick-phases';
import { createTickRecord, type TickRecord } from './tick-record';
import { TickRecords } from './tick-records';

/** How a {@link TickLoop} runs. */
export interface TickLoopOptions {
  /**
   * The time source: a `PreciseScheduler` on the robot, a
   * `VirtualTimeScheduler` / `TestScheduler` in tests and the simulator.
   * Its unit is the millisecond.
   */
  readonly scheduler: SchedulerLike;
  /** Ticks per second (default 1000). */
  readonly rateHz?: number;
  /** Ticks whose records are kept (default 4096). */
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

/** One histogram per measure of a tick (ms). */
export interface TickHistograms {
  /** Actual start minus scheduled start. */
  readonly lateness: LogLinearHistogram;
  readonly read: LogLinearHistogram;
  readonly update: LogLinearHistogram;
  readonly write: LogLinearHistogram;
  /** The boundary's duration. */
  readonly commit: LogLinearHistogram;
  /** From actual start to the end of the boundary. */
  readonly total: LogLinearHistogram;
}

/** A snapshot of the loop's counters and timing, for telemetry (ms). */
export interface LoopStatistics {
  readonly state: LoopState;
  readonly periodMs: number;
  readonly version: number;
  /** Ticks run. */
  readonly ticks: number;
  /** Grid periods skipped by overruns. */
  readonly missedPeriods: number;
  /** Ticks that ended after the next deadline (each skipped one period or more). */
  readonly overrunTicks: number;
  /** Ticks in which a phase threw or rejected. */
  readonly faultedTicks: number;
  readonly lateness: Percentiles;
  readonly read: Percentiles;
  readonly update: Percentiles;
  readonly write: Percentiles;
  readonly commit: Percentiles;
  readonly total: Percentiles;
}

/** The context handed to phases; mutable here, read-only for them (except `version`). */
class MutableTickContext implements TickContext {
  index = 0;
  slot = 0;
  scheduledStart = 0;
  actualStart = 0;
  dt = 0;
  constructor(public version: number) {}
}

type Work = (this: SchedulerAction<undefined>, state?: undefined) => void;

/**
 * The tick loop: runs `read -> update -> write -> boundary` on a fixed grid
 * of the injected scheduler, and records how every tick went.
 *
 * **Grid and overruns.** Tick slot k is due at `t0 + k * period`, `t0` being
 * the scheduler's time at {@link start}. A late tick runs late; a tick that
 * ends after the next deadline(s) skips those periods (counted in
 * `missedPeriods`, never queued) and the next tick is the first grid point
 * not in the past (see {@link nextSlot}).
 *
 * **Faults.** A phase that throws, or whose promise rejects, faults the tick:
 * the rest of read/update/write is skipped (no command is written from a
 * half-done update; durations of phases not run are `NaN`), the boundary
 * still runs, the tick is counted in `faultedTicks` and recorded `faulted`,
 * and a {@link TickPhaseError} is emitted on {@link errors$}. The loop goes on
 * ticking until `maxConsecutiveFaults` ticks in a row have faulted; then it
 * stops by itself and {@link stopped} resolves to `'fault-limit'` (the owner
 * then commands the motors to zero).
 *
 * **No allocation per tick** when read and write return synchronously: one
 * reused {@link TickContext} and {@link TickRecord}, preallocated histograms
 * and record ring. (The scheduler's own timers are the scheduler's affair.)
 *
 * @example
 * const loop = new TickLoop(phases, { scheduler: new PreciseScheduler(), rateHz: 1000 });
 * loop.errors$.subscribe((error) => log.warn(error.message));
 * loop.start();
 * // ...
 * await loop.stop(); // the tick in flight has finished: safe to zero the motors
 */
export class TickLoop {
  /** Nominal period (ms). */
  readonly periodMs: number;
  /** The records of the last ticks (ring buffer). */
  readonly records: TickRecords;
  /** Histograms of lateness and phase durations since start (read them at any time; no allocation). */
  readonly histograms: TickHistograms;
  /**
   * Emits after every tick, once its boundary has run, the tick's record (one
   * reused object: read it during the call, copy what you keep). Completes
   * when the loop stops. Subscribers run before the next tick is scheduled.
   */
  readonly ticks$: Observable<TickRecord>;
  /** Emits every fault of a phase; completes when the loop stops. */
  readonly errors$: Observable<TickPhaseError>;
  /** Resolves when the loop has stopped, with the reason. Never rejects. */
  readonly stopped: Promise<LoopStopReason>;

  private readonly scheduler: SchedulerLike;
  private readonly phases: TickPhases;
  private readonly maxConsecutiveFaults: number;
  private readonly context: MutableTickContext;
  private readonly record = createTickRecord();
  private readonly ticksSubject = new Subject<TickRecord>();
  private readonly errorsSubject = new Subject<TickPhaseError>();
  private readonly stoppedVoid: Promise<void>;
  private readonly work: Work;
  private resolveStopped!: (reason: LoopStopReason) => void;

  private status: LoopState = 'idle';
  private origin = 0;
  private slot = 0;
  private inTick = false;
  private tickFaulted = false;
  private phaseStart = 0;
  private action: SchedulerAction<undefined> | undefined;
  private pending: Subscription | undefined;
  private consecutiveFaults = 0;
  private missedCount = 0;
  private overrunCount = 0;
  private faultedCount = 0;
  private lastFault: TickPhaseError | undefined;

  constructor(phases: TickPhases, options: TickLoopOptions) {
    const { scheduler, rateHz = 1000, recordCapacity = 4096, maxConsecutiveFaults = 10, version = 0 } = options;
    if (!(rateHz > 0) || !Number.isFinite(rateHz)) throw new RangeError(`tick loop: rateHz must be > 0, not ${rateHz}`);
    if (!(maxConsecutiveFaults >= 1)) {
      throw new RangeError(`tick loop: maxConsecutiveFaults must be >= 1, not ${maxConsecutiveFaults}`);
    }
    this.phases = phases;
    this.scheduler = scheduler;
    this.periodMs = 1000 / rateHz;
    this.maxConsecutiveFaults = maxConsecutiveFaults;
    this.context = new MutableTickContext(version);
    this.records = new TickRecords(recordCapacity);
    this.histograms = {
      lateness: new LogLinearHistogram(),
      read: new LogLinearHistogram(),
      update: new LogLinearHistogram(),
      write: new LogLinearHistogram(),
      commit: new LogLinearHistogram(),
      total: new LogLinearHistogram(),
    };
    this.ticks$ = this.ticksSubject.asObservable();
    this.errors$ = this.errorsSubject.asObservable();
    this.stopped = new Promise<LoopStopReason>((resolve) => (this.resolveStopped = resolve));
    this.stoppedVoid = this.stopped.then(() => undefined);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const loop = this;
    this.work = function (this: SchedulerAction<undefined>) {
      loop.beginTick(this);
    };
  }

  /** Where the loop is in its life. */
  get state(): LoopState {
    return this.status;
  }

  /** The version running (as last set by a boundary). */
  get version(): number {
    return this.context.version;
  }

  /** Ticks run. */
  get ticks(): number {
    return this.records.count;
  }

  /** Grid periods skipped by overruns. */
  get missedPeriods(): number {
    return this.missedCount;
  }

  /** Ticks in which a phase threw or rejected. */
  get faultedTicks(): number {
    return this.faultedCount;
  }

  /** The last fault of a phase, if any. */
  get lastError(): TickPhaseError | undefined {
    return this.lastFault;
  }

  /** Starts ticking: slot 0 is due now. Throws if the loop was started before (a loop runs once). */
  start(): void {
    if (this.status !== 'idle') throw new Error(`tick loop: cannot start a loop that is ${this.status}`);
    this.status = 'running';
    this.origin = this.scheduler.now();
    this.slot = 0;
    this.pending = this.scheduler.schedule(this.work, 0);
  }

  /**
   * Stops ticking. Resolves once no tick is in flight: at once between ticks,
   * or after the boundary of the tick running (called from a phase, that
   * tick still completes). Safe to call more than once, and before start.
   */
  stop(): Promise<void> {
    if (this.status === 'idle') this.finish('requested');
    else if (this.status === 'running') {
      if (this.inTick) this.status = 'stopping';
      else this.finish('requested');
    }
    return this.stoppedVoid;
  }

  /** A snapshot of the counters and percentiles (allocates; call it when telemetry asks). */
  statistics(): LoopStatistics {
    const h = this.histograms;
    return {
      state: this.status,
      periodMs: this.periodMs,
      version: this.context.version,
      ticks: this.records.count,
      missedPeriods: this.missedCount,
      overrunTicks: this.overrunCount,
      faultedTicks: this.faultedCount,
      lateness: readPercentiles(h.lateness),
      read: readPercentiles(h.read),
      update: readPercentiles(h.update),
      write: readPercentiles(h.write),
      commit: readPercentiles(h.commit),
      total: readPercentiles(h.total),
    };
  }

  private beginTick(action: SchedulerAction<undefined>): void {
    this.action = action;
    this.inTick = true;
    this.tickFaulted = false;
    const now = this.scheduler.now();
    const context = this.context;
    const record = this.record;
    const index = this.records.count;
    context.dt = index === 0 ? this.periodMs / 1000 : (now - context.actualStart) / 1000;
    context.index = index;
    context.slot = this.slot;
    context.scheduledStart = this.origin + this.slot * this.periodMs;
    context.actualStart = now;
    record.index = index;
    record.slot = this.slot;
    record.scheduledStart = context.scheduledStart;
    record.actualStart = now;
    record.read = record.update = record.write = record.commit = Number.NaN;
    record.missed = 0;
    record.faulted = false;
    record.version = context.version;

    this.phaseStart = now;
    let result: void | PromiseLike<unknown>;
    try {
      result = this.phases.read(context);
    } catch (error) {
      this.readFailed(error);
      return;
    }
    if (isPromiseLike(result)) result.then(this.readDone, this.readFailed);
    else this.readDone();
  }

  private readonly readDone = (): void => {
    this.record.read = this.scheduler.now() - this.phaseStart;
    this.updateAndWrite();
  };

  private readonly readFailed = (error: unknown): void => {
    this.record.read = this.scheduler.now() - this.phaseStart;
    this.fault('read', error);
    this.runBoundary();
  };

  private updateAndWrite(): void {
    const context = this.context;
    const start = this.scheduler.now();
    try {
      this.phases.update(context);
    } catch (error) {
      this.record.update = this.scheduler.now() - start;
      this.fault('update', error);
      this.runBoundary();
      return;
    }
    this.phaseStart = this.scheduler.now();
    this.record.update = this.phaseStart - start;
    let result: void | PromiseLike<unknown>;
    try {
      result = this.phases.write(context);
    } catch (error) {
      this.writeFailed(error);
      return;
    }
    if (isPromiseLike(result)) result.then(this.writeDone, this.writeFailed);
    else this.writeDone();
  }

  private readonly writeDone = (): void => {
    this.record.write = this.scheduler.now() - this.phaseStart;
    this.runBoundary();
  };

  private readonly writeFailed = (error: unknown): void => {
    this.record.write = this.scheduler.now() - this.phaseStart;
    this.fault('write', error);
    this.runBoundary();
  };

  /** The quiescent point: the boundary runs, then the tick is closed, recorded and the next one scheduled. */
  private runBoundary(): void {
    const scheduler = this.scheduler;
    const record = this.record;
    const start = scheduler.now();
    try {
      this.phases.boundary(this.context);
    } catch (error) {
      this.fault('boundary', error);
    }
    const end = scheduler.now();
    record.commit = end - start;

    const slot = this.slot;
    const next = nextSlot(slot, end, this.origin, this.periodMs);
    record.missed = next - slot - 1;
    if (record.missed > 0) {
      this.missedCount += record.missed;
      this.overrunCount += 1;
    }
    if (this.tickFaulted) {
      record.faulted = true;
      this.faultedCount += 1;
      this.consecutiveFaults += 1;
    } else {
      this.consecutiveFaults = 0;
    }
    const h = this.histograms;
    h.lateness.record(record.actualStart - record.scheduledStart);
    h.read.record(record.read);
    h.update.record(record.update);
    h.write.record(record.write);
    h.commit.record(record.commit);
    h.total.record(end - record.actualStart);
    this.records.append(record);
    this.ticksSubject.next(record);
    this.inTick = false;

    if (this.consecutiveFaults >= this.maxConsecutiveFaults && this.status === 'running') {
      this.finish('fault-limit');
      return;
    }
    if (this.status !== 'running') {
      this.finish('requested');
      return;
    }
    this.slot = next;
    const delay = this.origin + next * this.periodMs - scheduler.now();
    this.pending = reschedule(this.action as SchedulerAction<undefined>, undefined, delay > 0 ? delay : 0);
  }

  private fault(phase: TickPhase, cause: unknown): void {
    this.tickFaulted = true;
    const error = new TickPhaseError(phase, this.context.index, cause);
    this.lastFault = error;
    this.errorsSubject.next(error);
  }

  private finish(reason: LoopStopReason): void {
    if (this.status === 'stopped') return;
    this.status = 'stopped';
    this.pending?.unsubscribe();
    this.pending = undefined;
    this.action = undefined;
    this.ticksSubject.complete();
    this.errorsSubject.complete();
    this.resolveStopped(reason);
  }
}
