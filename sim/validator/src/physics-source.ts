import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import { ServoBank } from '@tickswap/physics';
import type { RobotDescription } from '@tickswap/robots';
import { Chassis } from './chassis';
import type { LiveSeed } from './live-seed';
import type { SensorSource } from './sensor-source';
import type { PlanarPose } from './trajectory';

/** Fixed physics step, s: the simulated robot's default (two steps per 1 kHz tick). */
const STEP = 0.0005;

/**
 * The robot's physics (its servos and chassis, from the description), in
 * simulated time, starting from the live robot's state: servo positions and
 * velocities from the live readings, chassis at the odometry's pose. Time is
 * a whole number of fixed steps, so a run does not depend on anything but
 * the seed and the commands.
 *
 * @example
 * const source = new PhysicsSource(robot, seed, 1000);
 * source.read(0, readings); // the seeded state
 * source.write(commands);
 * source.read(1, readings); // 1 ms later
 */
export class PhysicsSource implements SensorSource {
  readonly kind = 'physics';
  private readonly servos: ServoBank;
  private readonly chassis: Chassis;
  private readonly before: Float64Array;
  private readonly rotation: Float64Array;
  private steps = 0;

  constructor(
    robot: RobotDescription,
    seed: LiveSeed,
    private readonly rateHz: number,
  ) {
    this.servos = new ServoBank(robot.motors.map((motor) => ({ ...motor.dynamics, ...motor.limits })), STEP);
    this.servos.position.set(seed.position);
    this.servos.velocity.set(seed.velocity);
    // The live servos were following their last goals: the closest guess of them is the speed they were turning at.
    this.servos.goal.set(seed.velocity);
    this.servos.torqueEnabled.fill(1);
    this.chassis = new Chassis(robot, seed.pose);
    this.before = new Float64Array(robot.motors.length);
    this.rotation = new Float64Array(robot.motors.length);
  }

  /** Steps the physics to tick `tick` and copies the servos' state. Runs every tick: must not allocate. */
  read(tick: number, into: MotorReadings): void {
    // The tolerance keeps a time like 0.003 s (5.999... steps in binary) on its step.
    const target = Math.floor(tick / this.rateHz / STEP + 1e-6);
    const { position, velocity, current } = this.servos;
    while (this.steps < target) {
      this.before.set(position);
      this.servos.advance();
      for (let motor = 0; motor < position.length; motor++) this.rotation[motor] = (position[motor] as number) - (this.before[motor] as number);
      this.chassis.roll(this.rotation);
      this.steps += 1;
    }
    into.position.set(position);
    into.velocity.set(velocity);
    into.current.set(current);
  }

  /** Sets the servos' goals (the servos clamp them to their limits). Runs every tick: must not allocate. */
  write(commands: MotorCommands): void {
    this.servos.goal.set(commands.velocity);
  }

  pose(into: PlanarPose): PlanarPose {
    return this.chassis.pose(into);
  }
}
