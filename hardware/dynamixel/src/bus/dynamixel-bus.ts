import { createMotorReadings, type BusOutcome, type MotorBus, type MotorCommands, type MotorReadings } from '@tickswap/motor-bus';
import { amperesFromCurrent, radiansFromPosition, radiansPerSecondFromVelocity, velocityFromRadiansPerSecond } from '../control-table/units';
import { PRESENT_STATE } from '../control-table/x-series';
import { BusLostError, DynamixelPortError } from '../errors';
import { encodeSyncRead } from '../instructions/sync-read';
import { maxPacketLength } from '../protocol/packet';
import type { WriteCallback } from '../transport/byte-transport';
import { NodeDeadlineTimer } from './deadline-timer';
import { resolveBusOptions, type BusFaultKind, type DynamixelBusOptions, type ResolvedBusOptions } from './dynamixel-bus-options';
import { createBusStatistics, type DynamixelBusStatistics, type MutableBusStatistics } from './dynamixel-bus-statistics';
import { GoalVelocityFrame } from './goal-velocity-frame';
import { armMotors, checkMotors, stopFrames } from './motor-setup';
import { PresentStateReader } from './present-state-reader';
import { Requester } from './requester';
import { StatusLink, type ExchangeResult } from './status-link';
import { replyTimeoutMicros } from './transfer-timing';

/** Where a {@link DynamixelBus} is in its life. */
export type DynamixelBusState = 'idle' | 'starting' | 'running' | 'stopped' | 'lost' | 'closed';

const FAULT_COUNTER = {
  timeout: 'timeouts',
  crc: 'crcFaults',
  status: 'statusFaults',
  busy: 'busyFaults',
  closed: 'portFaults',
  'write-failed': 'portFaults',
  'not-running': 'notRunningFaults',
} as const satisfies Record<BusFaultKind, keyof MutableBusStatistics>;

// Setup requests run before the servos' Return Delay Time is known: assume the longest (254 × 2 µs).
const LONGEST_RETURN_DELAY_MICROS = 508;
// A servo times our silence from when our bytes reach it, which varies with the link's latency:
// a quiet spell of 90 % of its watchdog period is taken as one it may already have called too long.
const QUIET_SHARE = 0.9;

/**
 * {@link MotorBus} over Dynamixel Protocol 2.0 (X-series servos in velocity
 * mode). A tick is one Sync Read of present current, velocity and position
 * (126..135) and one Sync Write of goal velocity (104).
 *
 * Fault policy: a missing, late, corrupt or error-flagged reply makes that
 * read a counted fault; readings keep their last good values (per motor).
 * After `maxConsecutiveFaults` faulted transfers without a good read, when
 * the port closes, or when nothing was sent for longer than the servos' bus
 * watchdog allows (they have stopped themselves and refuse goals), the bus is
 * lost: `onLost` gets a {@link BusLostError}, the motors are sent zero
 * velocity, and every read/write is a fault until `start()` succeeds again.
 * Nothing in the loop throws.
 *
 * @example
 * const bus = new DynamixelBus({ transport, motors: [{ id: 1, model: XM430_W210 }, { id: 2, model: XM430_W210 }], baudRate: 1_000_000, maxVelocity: 4 });
 * await bus.start();
 * const outcome = await bus.read(readings);
 * bus.write(commands);
 * await bus.close();
 */
export class DynamixelBus implements MotorBus {
  readonly motorCount: number;
  private readonly options: ResolvedBusOptions;
  private readonly link: StatusLink;
  private readonly requester: Requester;
  private readonly reader: PresentStateReader;
  private readonly goals: GoalVelocityFrame;
  private readonly syncRead: Buffer;
  private readonly ids: Uint8Array;
  private readonly lastGood: MotorReadings;
  private readonly stats: MutableBusStatistics;
  private readTimeoutMicros = 0;
  private target: MotorReadings | null = null;
  private resolveRead: ((outcome: BusOutcome) => void) | null = null;
  private current: DynamixelBusState = 'idle';
  private readonly clock: () => number;
  /** Longest quiet spell (ms) the servos' bus watchdog is sure to tolerate (see QUIET_SHARE); Infinity without a watchdog. */
  private readonly quietLimitMillis: number;
  private lastSentAt = Number.NaN;
  private lost: BusLostError | undefined;
  private readonly captureResolve = (resolve: (outcome: BusOutcome) => void): void => {
    this.resolveRead = resolve;
  };
  private readonly goalsWritten: WriteCallback = (error) => {
    this.goals.release();
    if (error) this.fault('write-failed', -1);
  };

  constructor(private readonly settings: DynamixelBusOptions) {
    this.options = resolveBusOptions(settings);
    const ids = this.options.motors.map((motor) => motor.id);
    this.motorCount = ids.length;
    this.ids = Uint8Array.from(ids);
    this.link = new StatusLink(this.options.transport, settings.timer ?? new NodeDeadlineTimer(), (error) => this.portClosed(error));
    this.requester = new Requester(this.link, this.timing(LONGEST_RETURN_DELAY_MICROS));
    this.reader = new PresentStateReader(this.motorCount, (result) => this.readFinished(result));
    this.goals = new GoalVelocityFrame(ids);
    this.syncRead = encodeSyncRead(PRESENT_STATE.address, PRESENT_STATE.size, ids);
    this.lastGood = createMotorReadings(this.motorCount);
    this.clock = settings.clock ?? (() => performance.now());
    this.quietLimitMillis = this.options.watchdogUnits === 0 ? Number.POSITIVE_INFINITY : this.options.watchdogUnits * 20 * QUIET_SHARE;
    this.stats = createBusStatistics(this.link.parser.statistics);
  }

  /** Where the bus is in its life. */
  get state(): DynamixelBusState {
    return this.current;
  }

  /** Why the bus was lost, while it is. */
  get lostError(): BusLostError | undefined {
    return this.lost;
  }

  /**
   * Pings every motor, checks model, velocity mode and (when configured)
   * Return Delay Time, clears and arms the bus watchdog, zeroes the goals and
   * enables torque. Rejects with a typed error naming the motor (after
   * sending every motor torque off).
   */
  async start(): Promise<void> {
    if (this.current === 'running') return;
    if (!this.link.isOpen) throw new DynamixelPortError('DynamixelBus#start', 'the port is closed; open a new transport');
    await this.link.idle();
    this.current = 'starting';
    try {
      const returnDelayMicros = await checkMotors(this.requester, this.options.motors, this.options.returnDelayMicros);
      this.readTimeoutMicros = replyTimeoutMicros(
        this.syncRead.length,
        this.motorCount,
        maxPacketLength(1 + PRESENT_STATE.size),
        this.timing(returnDelayMicros),
      );
      await armMotors(this.requester, this.options.motors, this.options.watchdogUnits);
    } catch (error) {
      await this.sendStop();
      this.current = this.link.isOpen ? 'idle' : 'closed';
      throw error;
    }
    this.stats.consecutiveFaults = 0;
    this.lost = undefined;
    this.lastSentAt = this.clock();
    this.current = 'running';
  }

  /**
   * One Sync Read of every motor's present state into `into` (rad, rad/s, A).
   * Runs every tick: must not block; allocates only the returned Promise.
   * Resolves `'fault'` (never rejects) when a reply is missing, late, corrupt
   * or flagged, or the bus is not running; `into` then holds the last good values.
   */
  read(into: MotorReadings): Promise<BusOutcome> | BusOutcome {
    this.stats.transfers++;
    this.stats.reads++;
    if (this.current !== 'running' || this.link.busy) return this.refuse(into, this.current === 'running' ? 'busy' : 'not-running');
    if (this.stoppedByWatchdog()) return this.refuse(into, 'not-running');
    this.reader.begin();
    this.target = into;
    if (!this.link.exchange(this.syncRead, this.ids, this.motorCount, this.readTimeoutMicros, this.reader)) {
      this.target = null;
      return this.refuse(into, 'closed');
    }
    return new Promise(this.captureResolve);
  }

  /**
   * One Sync Write of every motor's goal velocity (rad/s), each clamped to
   * ±maxVelocity (NaN becomes 0; both counted). Runs every tick: must not
   * allocate, must not block. Returns `'fault'` when the bus is not running,
   * a read is still in progress, or the two previous writes have not left yet.
   */
  write(commands: MotorCommands): BusOutcome {
    this.stats.transfers++;
    this.stats.writes++;
    if (this.current !== 'running') return this.fault('not-running', -1);
    if (this.link.busy || !this.goals.ready) return this.fault('busy', -1);
    if (this.stoppedByWatchdog()) return this.fault('not-running', -1);
    const max = this.options.maxVelocity;
    for (let index = 0; index < this.motorCount; index++) {
      let goal = commands.velocity[index] as number;
      if (!(goal >= -max && goal <= max)) {
        this.stats.clampedCommands++;
        goal = goal > max ? max : goal < -max ? -max : 0;
      }
      this.goals.set(index, velocityFromRadiansPerSecond(goal));
    }
    if (this.link.send(this.goals.encode(), this.goalsWritten)) return 'ok';
    this.goals.release();
    return this.fault('closed', -1);
  }

  /** Sends every motor zero velocity, then torque off (broadcasts: no reply awaited). Never rejects. */
  async stop(): Promise<void> {
    await this.link.idle();
    await this.sendStop();
    if (this.current !== 'closed') this.current = this.link.isOpen ? 'stopped' : 'closed';
  }

  /** Stops the motors and closes the transport. Never rejects. */
  async close(): Promise<void> {
    await this.stop();
    this.link.dispose();
    await this.options.transport.close();
    this.current = 'closed';
  }

  /** Live counters (the same object every call): must not allocate. */
  statistics(): DynamixelBusStatistics {
    this.stats.alerts = this.reader.alerts;
    return this.stats;
  }

  /**
   * Whether the bus was quiet longer than the servos' bus watchdog tolerates:
   * they have stopped themselves and refuse goals (silently, for sync
   * writes), so going on would drive nothing. Then the bus is lost; otherwise
   * the transfer about to start is noted. Runs every tick: must not allocate.
   */
  private stoppedByWatchdog(): boolean {
    const now = this.clock();
    const quietMillis = now - this.lastSentAt;
    this.lastSentAt = now;
    if (!(quietMillis > this.quietLimitMillis)) return false;
    this.declareLost(
      `nothing was sent for ${quietMillis.toFixed(0)} ms, longer than the servos' bus watchdog (${this.options.watchdogUnits * 20} ms) allows: they have stopped themselves`,
      'lost',
    );
    return true;
  }

  private readFinished(result: ExchangeResult): void {
    const into = this.target as MotorReadings;
    const reader = this.reader;
    const good = this.lastGood;
    for (let index = 0; index < this.motorCount; index++) {
      if (reader.fresh[index] === 0) continue;
      good.position[index] = radiansFromPosition(reader.position[index] as number);
      good.velocity[index] = radiansPerSecondFromVelocity(reader.velocity[index] as number);
      good.current[index] = amperesFromCurrent(reader.current[index] as number, this.options.motors[index]?.model.currentUnit ?? 0);
    }
    this.copyLastGood(into);
    this.target = null;
    const resolve = this.resolveRead as (outcome: BusOutcome) => void;
    this.resolveRead = null;
    if (result === 'ok' && reader.rejected === 0) {
      this.stats.consecutiveFaults = 0;
      return resolve('ok');
    }
    if (result === 'ok') return resolve(this.fault('status', reader.fresh.indexOf(0)));
    resolve(this.fault(result, this.link.missingSlot()));
  }

  private refuse(into: MotorReadings, kind: BusFaultKind): BusOutcome {
    this.copyLastGood(into);
    return this.fault(kind, -1);
  }

  private copyLastGood(into: MotorReadings): void {
    if (into === this.lastGood) return;
    into.position.set(this.lastGood.position);
    into.velocity.set(this.lastGood.velocity);
    into.current.set(this.lastGood.current);
  }

  private fault(kind: BusFaultKind, motorIndex: number): 'fault' {
    this.stats.faults++;
    this.stats[FAULT_COUNTER[kind]]++;
    this.settings.onFault?.(kind, motorIndex);
    if (this.current !== 'running') return 'fault';
    this.stats.consecutiveFaults++;
    if (this.stats.consecutiveFaults >= this.options.maxConsecutiveFaults) {
      const motor = motorIndex >= 0 ? ` of motor ${this.ids[motorIndex]}` : '';
      this.declareLost(`${this.stats.consecutiveFaults} consecutive faulted transfers (last: ${kind}${motor})`, 'lost');
    }
    return 'fault';
  }

  private portClosed(error: Error | undefined): void {
    const reason = `the port closed${error ? ` (${error.message})` : ''}`;
    if (this.current === 'running') this.declareLost(reason, 'closed');
    else this.current = 'closed';
  }

  private declareLost(reason: string, state: 'lost' | 'closed'): void {
    this.current = state;
    this.lost = new BusLostError(reason, this.stats.consecutiveFaults);
    // Best effort: the servos' bus watchdog stops them anyway if this does not arrive.
    if (!this.link.busy) void this.sendStop();
    this.settings.onLost?.(this.lost);
  }

  private async sendStop(): Promise<void> {
    for (const frame of stopFrames(Array.from(this.ids))) {
      await new Promise<void>((resolve) => {
        const bound = setTimeout(resolve, 100);
        const done = (): void => {
          clearTimeout(bound);
          resolve();
        };
        if (!this.link.send(frame, done)) done();
      });
    }
  }

  private timing(returnDelayMicros: number) {
    return { baudRate: this.options.baudRate, returnDelayMicros, marginMicros: this.options.replyMarginMicros };
  }
}
