import type { MotorCommands, MotorReadings } from './motor-buffers';

/** What one bus transfer of a tick came to: `'ok'`, or a counted fault. */
export type BusOutcome = 'ok' | 'fault';

/** Counters a bus keeps for the whole run (read by telemetry, never reset). */
export interface BusStatistics {
  /** Transfers completed (reads + writes). */
  readonly transfers: number;
  /** Transfers that failed: missing, late or corrupt reply. */
  readonly faults: number;
  /** Commands outside the robot description's limits that were clamped. */
  readonly clampedCommands: number;
}

/**
 * The motors of one robot, as the control loop sees them. A Dynamixel serial
 * bus and the simulator both implement it, so the controller cannot tell a
 * real robot from a simulated one.
 *
 * Motors are addressed by index (the order of the robot description), and
 * readings and commands travel in preallocated buffers (see
 * {@link createMotorReadings}) so the loop allocates nothing per tick.
 *
 * @example
 * const readings = createMotorReadings(bus.motorCount);
 * const commands = createMotorCommands(bus.motorCount);
 * await bus.start();
 * bus.read(readings);              // tick: read
 * commands.velocity[0] = 1.5;      // tick: update
 * bus.write(commands);             // tick: write
 * await bus.stop();
 */
export interface MotorBus {
  /** Number of motors, fixed for the life of the bus. */
  readonly motorCount: number;

  /**
   * Prepares the motors to move: checks each one answers and is of the
   * expected model and mode, arms the bus watchdog, enables torque.
   * Rejects with a typed error naming the motor that is wrong.
   */
  start(): Promise<void>;

  /**
   * Reads present position, velocity and current of every motor into `into`.
   * Runs in the loop: must not allocate on the synchronous path, must not
   * block; a failed transfer resolves to `'fault'` (and leaves `into`
   * holding the last good values), it never throws.
   */
  read(into: MotorReadings): BusOutcome | Promise<BusOutcome>;

  /**
   * Sends every motor its goal velocity. Goals outside the motor limits are
   * clamped and counted. Runs in the loop: same rules as {@link read}.
   */
  write(commands: MotorCommands): BusOutcome | Promise<BusOutcome>;

  /** Commands zero velocity and disables torque on every motor. Never rejects. */
  stop(): Promise<void>;

  /** Counters since the bus was created. */
  statistics(): BusStatistics;
}
