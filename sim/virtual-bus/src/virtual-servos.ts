import {
  currentFromAmperes,
  OperatingMode,
  positionFromRadians,
  radiansPerSecondFromVelocity,
  ServoResponder,
  velocityFromRadiansPerSecond,
  XSeries,
  type ByteTransport,
  type DynamixelModel,
  type ReplyTamper,
  type ServoDynamics,
  type ServoTable,
} from '@tickswap/dynamixel';
import { BusWatchdogs } from './bus-watchdogs';
import type { ServoSimulation } from './servo-simulation';

/** One servo on the virtual bus: its bus id and model; its index is its index in the simulation. */
export interface VirtualServo {
  readonly id: number;
  readonly model: DynamixelModel;
}

/** What {@link VirtualServos} play and on what time. */
export interface VirtualServosOptions<S extends ServoSimulation> {
  /** Servo i is `simulation.servos` index i. */
  readonly servos: readonly VirtualServo[];
  readonly simulation: S;
  /**
   * Current time, s: the physics advances to it before every instruction
   * (and on {@link VirtualServos.advance}). Virtual time in tests,
   * `performance.now()` behind a pseudo-terminal. Simulated time starts at
   * the value it returns when the servos are created.
   */
  readonly clock: () => number;
  /** Return Delay Time (9) register, µs (default 0). Replies are not delayed by it: a pty has no wire to pace. */
  readonly returnDelayMicros?: number;
  /** Every reply passes through it before it is sent (fault injection). */
  readonly tamper?: ReplyTamper;
  /** Seconds of silence after which a servo drops an incomplete frame (default 0.5 ms, see `ServoResponderOptions.frameTimeout`). */
  readonly frameTimeout?: number;
}

/**
 * Dynamixel X-series servos in velocity mode, simulated: Protocol 2.0 on a
 * byte transport (in memory, or a pseudo-terminal) through the codec's
 * `ServoResponder`, the motion from the physics. Before every instruction the
 * physics advances to `clock()` and the addressed servos' Present Position,
 * Velocity and Current (126..135) are set from it; a write acts on the
 * physics at once: Goal Velocity (104) while Torque Enable (64) is on and
 * Operating Mode (11) is velocity, else a goal of zero (other modes are not
 * simulated: the servo holds still); torque off lets the motor coast.
 *
 * The bus watchdog is a real servo's: once Bus Watchdog (98) is armed, a
 * servo that hears no instruction for that long stops (goal zero, the
 * register reads -1, goals are refused until 0 is written), at exactly that
 * simulated time, whether or not anything else happens on the bus.
 *
 * @example
 * const [host, device] = createMemoryLink();
 * let now = 0;
 * const servos = new VirtualServos(device, { servos: [{ id: 1, model: XM430_W350 }], simulation: new ServoRig([parameters]), clock: () => now });
 */
export class VirtualServos<S extends ServoSimulation = ServoSimulation> {
  readonly simulation: S;
  readonly responder: ServoResponder;
  readonly watchdogs: BusWatchdogs;
  private readonly models: readonly DynamixelModel[];
  private readonly tables: ServoTable[];
  private readonly indexOf = new Map<number, number>();
  private readonly clock: () => number;
  private readonly origin: number;

  constructor(transport: ByteTransport, options: VirtualServosOptions<S>) {
    this.simulation = options.simulation;
    this.clock = options.clock;
    this.origin = options.clock();
    this.models = options.servos.map((servo) => servo.model);
    options.servos.forEach((servo, index) => this.indexOf.set(servo.id, index));
    const dynamics: ServoDynamics = {
      heard: (id) => this.heard(this.index(id)),
      changed: (id) => this.apply(this.index(id)),
    };
    this.responder = new ServoResponder(
      transport,
      options.servos.map((servo) => ({ ...servo, returnDelayTime: (options.returnDelayMicros ?? 0) / 2 })),
      { dynamics, tamper: options.tamper, frameTimeout: options.frameTimeout ?? 0.0005, clock: options.clock },
    );
    this.tables = options.servos.map((servo) => this.responder.table(servo.id));
    this.watchdogs = new BusWatchdogs(this.tables);
  }

  /** Simulated time now, s. */
  get time(): number {
    return this.clock() - this.origin;
  }

  /** The control table of servo `id` (throws if there is none). */
  table(id: number): ServoTable {
    return this.responder.table(id);
  }

  /**
   * Advances the physics to `clock()`, stopping on the way every servo whose
   * bus watchdog expires. Instructions do it themselves; call it when the bus
   * is quiet (a timer on a pty), so time and the watchdog go on. Runs for
   * every instruction: must not allocate; costs one physics step per step
   * of time passed.
   */
  advance(): void {
    this.advanceTo(this.time);
  }

  private advanceTo(time: number): void {
    for (let due = this.watchdogs.next(time); due >= 0; due = this.watchdogs.next(time)) {
      this.simulation.advanceTo(this.watchdogs.dueAt(due));
      this.watchdogs.trip(due);
      this.apply(due);
    }
    this.simulation.advanceTo(time);
  }

  private index(id: number): number {
    return this.indexOf.get(id) as number;
  }

  private heard(index: number): void {
    const time = this.time;
    this.advanceTo(time);
    this.watchdogs.heard(index, time);
    const table = this.tables[index] as ServoTable;
    const { position, velocity, current } = this.simulation.servos;
    table.set(XSeries.presentPosition, positionFromRadians(position[index] as number));
    table.set(XSeries.presentVelocity, velocityFromRadiansPerSecond(velocity[index] as number));
    table.set(XSeries.presentCurrent, currentFromAmperes(current[index] as number, (this.models[index] as DynamixelModel).currentUnit));
  }

  private apply(index: number): void {
    const table = this.tables[index] as ServoTable;
    const torqueOn = table.get(XSeries.torqueEnable) === 1;
    const drives = torqueOn && table.get(XSeries.operatingMode) === OperatingMode.velocity && !table.watchdogTripped;
    const { torqueEnabled, goal } = this.simulation.servos;
    torqueEnabled[index] = torqueOn ? 1 : 0;
    goal[index] = drives ? radiansPerSecondFromVelocity(table.get(XSeries.goalVelocity)) : 0;
  }
}
