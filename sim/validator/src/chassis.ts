import { DiffDriveBody } from '@tickswap/physics';
import type { RobotDescription } from '@tickswap/robots';
import type { PlanarPose } from './trajectory';

/**
 * The simulated chassis of a differential drive, placed at a seed pose: the
 * physics' `DiffDriveBody` always starts at the origin, so the pose it
 * integrates is carried into the seed's frame by a rigid transform (exact:
 * the body's motion does not depend on where it starts). The seed is the
 * live robot's odometry pose, so the simulated pose is in the odometry's
 * frame, the frame the behaviours steer in.
 *
 * @example
 * const chassis = new Chassis(robot, { x: 0.4, y: 0, theta: Math.PI / 2 });
 * chassis.roll(leftMotorRad, rightMotorRad); // motor rotations since the last call
 * chassis.pose(into);
 */
export class Chassis {
  private readonly body: DiffDriveBody;
  private readonly cos: number;
  private readonly sin: number;
  private readonly leftIndex: number;
  private readonly rightIndex: number;
  /** Wheel rad per motor rad, per motor: direction / gearRatio. */
  readonly wheelPerMotor: Float64Array;

  constructor(
    robot: RobotDescription,
    private readonly seed: PlanarPose,
  ) {
    this.body = new DiffDriveBody(robot);
    this.cos = Math.cos(seed.theta);
    this.sin = Math.sin(seed.theta);
    this.leftIndex = robot.motors.findIndex((motor) => motor.side === 'left');
    this.rightIndex = robot.motors.findIndex((motor) => motor.side === 'right');
    this.wheelPerMotor = Float64Array.from(robot.motors, (motor) => motor.direction / motor.gearRatio);
  }

  /**
   * Rolls the chassis by the motors' rotations since the last call (rad at
   * each motor's output shaft, index-aligned with the description).
   * Runs every physics step: must not allocate.
   */
  roll(motorRotation: Float64Array): void {
    const left = this.leftIndex;
    const right = this.rightIndex;
    this.body.advance((motorRotation[left] as number) * (this.wheelPerMotor[left] as number), (motorRotation[right] as number) * (this.wheelPerMotor[right] as number));
  }

  /** Writes the pose in the seed's frame into `into`. Runs every tick: must not allocate. */
  pose(into: PlanarPose): PlanarPose {
    const { x, y, theta } = this.body;
    into.x = this.seed.x + this.cos * x - this.sin * y;
    into.y = this.seed.y + this.sin * x + this.cos * y;
    into.theta = this.seed.theta + theta;
    return into;
  }
}
