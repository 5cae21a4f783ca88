import type { BusOutcome, BusStatistics, MotorBus, MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import type { RobotDescription } from '@tickswap/robots';
import { SimulatedRobot } from './simulated-robot';

/** Settings of a {@link SimulatedBus}. */
export interface SimulatedBusOptions {
  readonly robot: RobotDescription;
  /**
   * Current time, s: the control loop's scheduler time, so virtual time in
   * tests advances the physics deterministically and real time drives it in
   * `npm start`. Read on every transfer; the simulation starts at the value
   * it returns when the bus is created.
   */
  readonly clock: () => number;
  /** Fixed physics step, s (default 0.5 ms). */
  readonly step?: number;
}

/** A transfer a fault can be injected into. */
export type BusTransfer = 'read' | 'write';

/** Where the simulated robot really is (x, y in m; theta in rad, unwrapped). */
export interface GroundTruthPose {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/**
 * The simulated motors behind the {@link MotorBus} interface, in memory and
 * synchronous: every transfer first advances the physics to `clock()`, then
 * copies the servos' state out or the goals in. Goals beyond a motor's
 * `maxVelocity` (and NaN goals, taken as 0) are clamped and counted.
 * `transfers` counts transfers that succeeded, `faults` those that failed.
 *
 * @example
 * const bus = createSimulatedBus({ robot, clock: () => scheduler.now() / 1000 });
 * await bus.start();
 * bus.read(readings);
 * bus.write(behaviour.update(readings, 0.001));
 * bus.pose(); // ground truth, for display and validation
 */
export class SimulatedBus implements MotorBus {
  readonly motorCount: number;
  readonly simulation: SimulatedRobot;
  private readonly clock: () => number;
  private readonly origin: number;
  private readonly maxVelocity: Float64Array;
  private readonly failing = { read: 0, write: 0 };
  private transfers = 0;
  private faults = 0;
  private clampedCommands = 0;

  constructor(options: SimulatedBusOptions) {
    this.simulation = new SimulatedRobot(options.robot, options.step === undefined ? {} : { step: options.step });
    this.motorCount = options.robot.motors.length;
    this.maxVelocity = Float64Array.from(options.robot.motors, (m) => m.limits.maxVelocity);
    this.clock = options.clock;
    this.origin = options.clock();
  }

  /** Turns torque on: the servos start following their goals. */
  async start(): Promise<void> {
    this.simulation.advanceTo(this.clock() - this.origin);
    this.simulation.servos.torqueEnabled.fill(1);
  }

  /**
   * Advances the physics to `clock()` and copies every motor's position,
   * velocity and current into `into`. An injected fault, or buffers of the
   * wrong length, give `'fault'` and leave `into` as it was.
   * Runs every tick: must not allocate, must not block.
   */
  read(into: MotorReadings): BusOutcome {
    this.simulation.advanceTo(this.clock() - this.origin);
    const sizes = into.position.length + into.velocity.length + into.current.length;
    if (this.fails('read') || sizes !== 3 * this.motorCount) return this.fault();
    const { position, velocity, current } = this.simulation.servos;
    into.position.set(position);
    into.velocity.set(velocity);
    into.current.set(current);
    this.transfers += 1;
    return 'ok';
  }

  /**
   * Advances the physics to `clock()` and sets every motor's goal velocity,
   * clamped to its limit. An injected fault, or a buffer of the wrong length,
   * give `'fault'` and leave the goals as they were.
   * Runs every tick: must not allocate, must not block.
   */
  write(commands: MotorCommands): BusOutcome {
    this.simulation.advanceTo(this.clock() - this.origin);
    if (this.fails('write') || commands.velocity.length !== this.motorCount) return this.fault();
    const { goal } = this.simulation.servos;
    for (let i = 0; i < this.motorCount; i++) {
      const wanted = commands.velocity[i] as number;
      const max = this.maxVelocity[i] as number;
      const clamped = Math.max(-max, Math.min(max, wanted));
      const safe = clamped === clamped ? clamped : 0;
      if (safe !== wanted) this.clampedCommands += 1;
      goal[i] = safe;
    }
    this.transfers += 1;
    return 'ok';
  }

  /** Zeroes every goal and turns torque off: the motors coast to rest. */
  async stop(): Promise<void> {
    this.simulation.advanceTo(this.clock() - this.origin);
    this.simulation.servos.goal.fill(0);
    this.simulation.servos.torqueEnabled.fill(0);
  }

  /** Counters since the bus was created. */
  statistics(): BusStatistics {
    return { transfers: this.transfers, faults: this.faults, clampedCommands: this.clampedCommands };
  }

  /**
   * The simulated robot's true pose, a live view (no copy). It moves only
   * when the physics advances, i.e. on a transfer.
   */
  pose(): GroundTruthPose {
    return this.simulation.body;
  }

  /**
   * Makes the next `count` transfers of kind `transfer` fail, for testing
   * how callers handle a lost or corrupt reply.
   *
   * @example
   * bus.injectFault('read', 3); // the next three reads return 'fault'
   */
  injectFault(transfer: BusTransfer, count = 1): void {
    this.failing[transfer] += count;
  }

  private fails(transfer: BusTransfer): boolean {
    if (this.failing[transfer] <= 0) return false;
    this.failing[transfer] -= 1;
    return true;
  }

  private fault(): BusOutcome {
    this.faults += 1;
    return 'fault';
  }
}

/**
 * Creates the in-memory simulated bus of a described robot (see {@link SimulatedBus}).
 *
 * @example
 * let now = 0;
 * const bus = createSimulatedBus({ robot: loadRobotDescription(REFERENCE_ROBOT_PATH), clock: () => now });
 */
export function createSimulatedBus(options: SimulatedBusOptions): SimulatedBus {
  return new SimulatedBus(options);
}
