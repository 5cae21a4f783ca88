import { createMotorCommands, type MotorCommands, type MotorReadings } from '@tickswap/motor-bus';
import { Behaviour } from './behaviour';
import { checkedSetting } from './behaviour-config-error';
import { DiffDriveKinematics } from './diff-drive-kinematics';
import { Pid, type PidOptions } from './pid';
import { WheelMotors, type DiffDriveRobotLike } from './wheel-motors';
import { WheelOdometry } from './wheel-odometry';

/** Settings of a {@link SquareMission}; every one has a default. */
export interface SquareMissionOptions {
  /** Side of the square, m (default 1). */
  readonly sideLength?: number;
  /** Forward speed on the straight legs, m/s (default 80 % of the slower wheel's top speed). */
  readonly cruiseSpeed?: number;
  /** How close to a corner counts as reaching it, m (default 0.02). */
  readonly arrivalRadius?: number;
  /** Gains of the heading PID, (rad/s) per rad (default kp 4, ki 0.1, kd 0.05). */
  readonly heading?: Pick<PidOptions, 'kp' | 'ki' | 'kd'>;
}

const METHOD = 'SquareMission constructor';
// Corners in units of the side, counter-clockwise from the start pose (origin, facing +x).
const CORNERS: readonly number[] = Object.freeze([1, 0, 1, 1, 0, 1, 0, 0]);
const positive = (name: string, value: number) => checkedSetting(METHOD, name, value, 'a positive number', (n) => n > 0);

/**
 * Drives a differential-drive robot around a square forever, counter-clockwise,
 * starting from where it stands (its first pose is the square's first corner,
 * facing along the first side).
 *
 * Each tick: wheel odometry estimates the pose; when the corner driven to is
 * within `arrivalRadius` the next corner becomes the target; a heading PID
 * turns the robot toward the target; the forward speed is the cruise speed
 * times the cosine of the heading error (so it turns in place at the corners
 * and never backs up); the kinematics turn (v, ω) into wheel speeds within the
 * wheels' limits, keeping the turn ratio; the wheel motors turn those into
 * motor goals. The motors are velocity servos, so no per-wheel PID is needed.
 *
 * @example
 * const mission = new SquareMission(loadRobotDescription(REFERENCE_ROBOT_PATH), { sideLength: 1 });
 * bus.write(mission.update(readings, 0.001)); // every tick
 */
export class SquareMission extends Behaviour {
  /** Its own instance fields, in declaration order, for hot swap. */
  static readonly fields = [
    'wheels', 'odometry', 'kinematics', 'heading', 'sideLength', 'cruiseSpeed', 'arrivalRadius', 'corner', 'cornersReached', 'commands',
  ] as const;
  readonly wheels: WheelMotors;
  readonly odometry: WheelOdometry;
  readonly kinematics: DiffDriveKinematics;
  readonly heading: Pid;
  sideLength: number;
  cruiseSpeed: number;
  arrivalRadius: number;
  /** Corner driven to: 0 (L, 0), 1 (L, L), 2 (0, L), 3 (0, 0). */
  corner = 0;
  /** Corners reached since the start. */
  cornersReached = 0;
  readonly commands: MotorCommands;

  constructor(robot: DiffDriveRobotLike, options: SquareMissionOptions = {}) {
    super();
    this.wheels = new WheelMotors(robot);
    const { wheelRadius, trackWidth } = robot;
    const { left: maxLeft, right: maxRight } = this.wheels.maxSpeed;
    this.odometry = new WheelOdometry(wheelRadius, trackWidth);
    this.kinematics = new DiffDriveKinematics({ wheelRadius, trackWidth, maxLeft, maxRight });
    const maxTurnRate = (wheelRadius * (maxLeft + maxRight)) / trackWidth;
    this.heading = new Pid({ kp: 4, ki: 0.1, kd: 0.05, ...options.heading, outputMin: -maxTurnRate, outputMax: maxTurnRate, angular: true });
    this.sideLength = positive('sideLength', options.sideLength ?? 1);
    this.cruiseSpeed = positive('cruiseSpeed', options.cruiseSpeed ?? 0.8 * wheelRadius * Math.min(maxLeft, maxRight));
    this.arrivalRadius = positive('arrivalRadius', options.arrivalRadius ?? 0.02);
    this.commands = createMotorCommands(this.wheels.motorCount);
  }

  /**
   * This tick's motor goals (into `commands`) from this tick's readings.
   * Runs every tick: must not allocate, must not block. A reading that is not
   * finite is skipped by the odometry (the last pose stands); a bad `dt`
   * makes the heading PID hold its correction at 0 for the tick.
   */
  update(readings: MotorReadings, dt: number): MotorCommands {
    const pose = this.odometry.update(this.wheels.update(readings, dt), dt);
    if (Math.hypot(this.targetX() - pose.x, this.targetY() - pose.y) < this.arrivalRadius) {
      this.corner = (this.corner + 1) % 4;
      this.cornersReached += 1;
    }
    this.heading.setpoint = Math.atan2(this.targetY() - pose.y, this.targetX() - pose.x);
    const angular = this.heading.update(pose.theta, dt);
    const linear = this.cruiseSpeed * Math.max(0, Math.cos(this.heading.setpoint - pose.theta));
    const speeds = this.kinematics.inverse(linear, angular, this.kinematics.wheels);
    return this.wheels.command(speeds, this.commands);
  }

  private targetX(): number {
    return this.sideLength * (CORNERS[2 * this.corner] as number);
  }

  private targetY(): number {
    return this.sideLength * (CORNERS[2 * this.corner + 1] as number);
  }
}
