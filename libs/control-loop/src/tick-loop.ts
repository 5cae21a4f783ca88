import { Subject, type Observable, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import { isPromiseLike } from './is-promise-like';
import { LoopConfigError } from './loop-config-error';
import type { LoopStatistics } from './loop-statistics';
import { LoopUsageError } from './loop-usage-error';
import { MutableTickContext } from './mutable-tick-context';
import { nextSlot } from './next-slot';
import { readPercentiles } from './percentiles';
import { reschedule } from './reschedule';
import type { TickHistograms } from './tick-histograms';
import { TickLedger } from './tick-ledger';
import type { LoopState, LoopStopReason, TickLoopOptions } from './tick-loop-options';
import { TickPhaseError } from './tick-phase-error';
import type { TickPhase, TickPhases } from './tick-phases';
import { createTickRecord, SwapEvent, type TickRecord } from './tick-record';
import type { TickRecords } from './tick-records';

type Work = (this: SchedulerAction<undefined>, state?: undefined) => void;

/**
 * The tick loop: runs `read -> update -> write -> boundary` on a fixed grid
 * of the injected scheduler and keeps account of every tick.
 *
 * - **Grid and overruns**: slot k is due at `t0 + k * period`, `t0` being the
 *   scheduler's time at {@link start}. A late tick runs late; a tick that ends
 *   after the next deadline(s) skips those periods (counted, never queued) and
 *   is followed by the first grid point not in the past (see `nextSlot`).
 * - **Faults**: a phase that throws, or whose promise rejects, faults the
 *   tick: the rest of read/update/write is skipped (no command is written from
 *   a half-done update), the boundary still runs, the tick is counted and
 *   recorded `faulted`, and a `TickPhaseError` is emitted on {@link errors$}.
 *   After `maxConsecutiveFaults` faulted ticks in a row the loop stops itself
 *   and {@link stopped} resolves to `'fault-limit'`: the owner then commands
 *   the motors to zero.
 * - **No allocation per tick** when read and write return synchronously (the
 *   whole tick then runs synchronously): one reused context and record,
 *   preallocated histograms and ring. The scheduler's timers are its own.
 *
 * @example
 * const loop = new TickLoop(phases, { scheduler: new PreciseScheduler(), rateHz: 1000 });
 * loop.errors$.subscribe((error) => log.warn(error.message));
 * loop.start();
 * // ... later, or when `loop.stopped` resolves by itself:
 * await loop.stop(); // no tick in flight any more: safe to zero the motors
 */
export class TickLoop {
  /** Nominal period (ms). */
  readonly periodMs: number;
  /** The loop's time source (what its records' times are measured on). */
  readonly scheduler: SchedulerLike;
  /**
   * Emits after every tick, once its boundary has run (so `commit` is the
   * boundary's duration), the tick's record: one reused object, to read
   * during the call. Subscribers run at the quiescent point, before the next
   * tick is scheduled: they must not allocate or block. Completes on stop.
   */
  readonly ticks$: Observable<TickRecord>;
  /** Emits every fault of a phase; completes when the loop stops. */
  readonly errors$: Observable<TickPhaseError>;
  /** Resolves when the loop has stopped, with the reason. Never rejects. */
  readonly stopped: Promise<LoopStopReason>;

  private readonly phases: TickPhases;
  private readonly maxConsecutiveFaults: number;
  private readonly context: MutableTickContext;
  private readonly record = createTickRecord();
  private readonly ledger: TickLedger;
  private readonly ticksSubject = new Subject<TickRecord>();
  private readonly errorsSubject = new Subject<TickPhaseError>();
  private readonly stoppedVoid: Promise<void>;
  private readonly work: Work;
  private resolveStopped!: (reason: LoopStopReason) => void;
  private status: LoopState = 'idle';
  private origin = 0;
  private slot = 0;
  private inTick = false;
  private phaseStart = 0;
  private ioPhase: 'read' | 'write' = 'read';
  private consecutiveFaults = 0;
  private action: SchedulerAction<undefined> | undefined;
  private pending: Subscription | undefined;
  private lastFault: TickPhaseError | undefined;

  constructor(phases: TickPhases, options: TickLoopOptions) {
    const { scheduler, rateHz = 1000, recordCapacity = 4096, maxConsecutiveFaults = 10, version = 0 } = options;
    if (!(rateHz > 0 && Number.isFinite(rateHz))) {
      throw new LoopConfigError(`TickLoop#constructor failed: rateHz must be a positive number of ticks per second, got ${rateHz}`);
    }
    if (!(maxConsecutiveFaults >= 1)) {
      throw new LoopConfigError(
        `TickLoop#constructor failed: maxConsecutiveFaults must be >= 1 (Infinity never stops), got ${maxConsecutiveFaults}`,
      );
    }
    this.phases = phases;
    this.scheduler = scheduler;
    this.periodMs = 1000 / rateHz;
    this.maxConsecutiveFaults = maxConsecutiveFaults;
    this.context = new MutableTickContext(version);
    this.ledger = new TickLedger(recordCapacity);
    this.ticks$ = this.ticksSubject.asObservable();
    this.errors$ = this.errorsSubject.asObservable();
    this.stopped = new Promise<LoopStopReason>((resolve) => (this.resolveStopped = resolve));
    this.stoppedVoid = this.stopped.then(() => undefined);
    // The scheduler calls the work with the action as `this`; the loop is reached by closure.
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
    return this.ledger.records.count;
  }

  /** Grid periods skipped by overruns. */
  get missedPeriods(): number {
    return this.ledger.missedPeriods;
  }

  /** Ticks in which a phase threw or rejected. */
  get faultedTicks(): number {
    return this.ledger.faultedTicks;
  }

  /** The last fault of a phase, if any. */
  get lastError(): TickPhaseError | undefined {
    return this.lastFault;
  }

  /** The records of the last `recordCapacity` ticks (ring buffer). */
  get records(): TickRecords {
    return this.ledger.records;
  }

  /** Histograms of lateness and phase durations since start; read them at any time, without allocation. */
  get histograms(): TickHistograms {
    return this.ledger.histograms;
  }

  /** Starts ticking: slot 0 is due now. A loop runs once. */
  start(): void {
    if (this.status !== 'idle') {
      throw new LoopUsageError(`TickLoop#start failed: the loop is ${this.status}; a TickLoop runs once, create a new one`);
    }
    this.status = 'running';
    this.origin = this.scheduler.now();
    this.pending = this.scheduler.schedule(this.work, 0);
  }

  /**
   * Stops ticking. Resolves once no tick is in flight: at once between ticks,
   * or after the boundary of the tick running (called from a phase, that tick
   * still completes). Safe to call more than once, and before start.
   */
  stop(): Promise<void> {
    if (this.status === 'idle') this.finish('requested');
    else if (this.status === 'running') {
      if (this.inTick) this.status = 'stopping';
      else this.finish('requested');
    }
    return this.stoppedVoid;
  }

  /** A snapshot of the counters and percentiles (allocates: call it when telemetry asks). */
  statistics(): LoopStatistics {
    const { histograms: h, missedPeriods, overrunTicks, faultedTicks } = this.ledger;
    return {
      state: this.status,
      periodMs: this.periodMs,
      version: this.context.version,
      ticks: this.ticks,
      missedPeriods,
      overrunTicks,
      faultedTicks,
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
    const now = this.scheduler.now();
    const context = this.context;
    const record = this.record;
    const index = this.ledger.records.count;
    context.dt = index === 0 ? this.periodMs / 1000 : (now - context.actualStart) / 1000;
    context.index = record.index = index;
    context.slot = record.slot = this.slot;
    context.scheduledStart = record.scheduledStart = this.origin + this.slot * this.periodMs;
    context.actualStart = record.actualStart = now;
    record.read = record.update = record.write = record.commit = Number.NaN;
    record.missed = 0;
    record.faulted = false;
    record.version = context.version;
    context.swap = SwapEvent.None;

    this.runIo('read');
  }

  /** Runs read or write; goes on at once when it returned synchronously, else when its promise settles. */
  private runIo(phase: 'read' | 'write'): void {
    this.ioPhase = phase;
    this.phaseStart = this.scheduler.now();
    let result: unknown;
    try {
      result = phase === 'read' ? this.phases.read(this.context) : this.phases.write(this.context);
    } catch (error) {
      this.ioFailed(error);
      return;
    }
    if (isPromiseLike(result)) result.then(this.ioDone, this.ioFailed);
    else this.ioDone();
  }

  private readonly ioDone = (): void => {
    const elapsed = this.scheduler.now() - this.phaseStart;
    if (this.ioPhase === 'read') {
      this.record.read = elapsed;
      this.update();
    } else {
      this.record.write = elapsed;
      this.runBoundary();
    }
  };

  private readonly ioFailed = (error: unknown): void => {
    this.record[this.ioPhase] = this.scheduler.now() - this.phaseStart;
    this.fault(this.ioPhase, error);
    this.runBoundary();
  };

  private update(): void {
    const start = this.scheduler.now();
    try {
      this.phases.update(this.context);
    } catch (error) {
      this.record.update = this.scheduler.now() - start;
      this.fault('update', error);
      this.runBoundary();
      return;
    }
    this.record.update = this.scheduler.now() - start;
    this.runIo('write');
  }

  /** The quiescent point: the boundary runs, then the tick is accounted for and the next one scheduled. */
  private runBoundary(): void {
    const record = this.record;
    const start = this.scheduler.now();
    try {
      this.phases.boundary(this.context);
    } catch (error) {
      this.fault('boundary', error);
    }
    const end = this.scheduler.now();
    record.commit = end - start;
    record.swap = this.context.swap;
    const next = nextSlot(this.slot, end, this.origin, this.periodMs);
    record.missed = next - this.slot - 1;
    this.consecutiveFaults = record.faulted ? this.consecutiveFaults + 1 : 0;
    this.ledger.close(record, end);
    this.ticksSubject.next(record);
    this.inTick = false;

    if (this.status !== 'running') this.finish('requested');
    else if (this.consecutiveFaults >= this.maxConsecutiveFaults) this.finish('fault-limit');
    else {
      this.slot = next;
      const delay = this.origin + next * this.periodMs - this.scheduler.now();
      this.pending = reschedule(this.action as SchedulerAction<undefined>, undefined, delay > 0 ? delay : 0);
    }
  }

  private fault(phase: TickPhase, cause: unknown): void {
    this.record.faulted = true;
    this.lastFault = new TickPhaseError(phase, this.context.index, cause);
    this.errorsSubject.next(this.lastFault);
  }

  private finish(reason: LoopStopReason): void {
    if (this.status === 'stopped') return;
    this.status = 'stopped';
    this.pending?.unsubscribe();
    this.pending = this.action = undefined;
    this.ticksSubject.complete();
    this.errorsSubject.complete();
    this.resolveStopped(reason);
  }
}
