import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import { Behaviour } from './behaviour';
import { BehaviourConfigError, checkedSetting } from './behaviour-config-error';
import type { WheelPair } from './diff-drive-kinematics';

/** What a behaviour needs to know of one wheel motor (a robot description's motor fits). */
export interface DiffDriveMotorLike {
  readonly side: 'left' | 'right';
  /** +1 when positive motor velocity drives the wheel forward, -1 when mirrored. */
  readonly direction: number;
  /** Motor revolutions per wheel revolution. */
  readonly gearRatio: number;
  readonly limits: { readonly maxVelocity: number };
}

/**
 * What a behaviour needs to know of a differential-drive robot. A
 * `RobotDescription` of `@tickswap/robots` fits as it is; behaviours do not
 * depend on the hardware layer.
 */
export interface DiffDriveRobotLike {
  readonly wheelRadius: number;
  readonly trackWidth: number;
  readonly motors: readonly DiffDriveMotorLike[];
}

const METHOD = 'WheelMotors constructor';

/**
 * The two wheel motors of a differential drive, seen as wheels: motor
 * positions become wheel angles, wheel speeds become motor goals, through
 * each motor's bus index, direction and gear ratio.
 *
 * @example
 * const wheels = new WheelMotors(robot);
 * const angles = wheels.update(readings, dt);   // rad at each wheel
 * wheels.command({ left: 2, right: 2 }, commands); // motor goals, rad/s
 */
export class WheelMotors extends Behaviour<MotorReadings, WheelPair> {
  /** Its own instance fields, in declaration order, for hot swap. */
  static readonly fields = ['motorCount', 'leftIndex', 'rightIndex', 'leftScale', 'rightScale', 'maxSpeed', 'angles'] as const;
  motorCount: number;
  leftIndex: number;
  rightIndex: number;
  /** Wheel rad per motor rad: direction / gearRatio. */
  leftScale: number;
  rightScale: number;
  /** Fastest each wheel may turn (rad/s at the wheel), from the motors' limits. */
  readonly maxSpeed: WheelPair;
  readonly angles: WheelPair = { left: 0, right: 0 };

  constructor(robot: DiffDriveRobotLike) {
    super();
    const sides = robot.motors.map((m) => m.side);
    this.leftIndex = sides.indexOf('left');
    this.rightIndex = sides.indexOf('right');
    if (sides.length !== 2 || this.leftIndex < 0 || this.rightIndex < 0) {
      throw new BehaviourConfigError(
        `${METHOD} failed: the robot needs exactly one left and one right motor, got sides [${sides.join(', ')}]`,
      );
    }
    const left = robot.motors[this.leftIndex] as DiffDriveMotorLike;
    const right = robot.motors[this.rightIndex] as DiffDriveMotorLike;
    this.motorCount = robot.motors.length;
    this.leftScale = scaleOf('left', left);
    this.rightScale = scaleOf('right', right);
    this.maxSpeed = { left: maxSpeedOf('left', left), right: maxSpeedOf('right', right) };
  }

  /**
   * The wheel angles (rad, forward positive) of this tick's readings, into `angles`.
   * Runs every tick: must not allocate, must not block.
   */
  update(readings: MotorReadings, _dt: number): WheelPair {
    this.angles.left = (readings.position[this.leftIndex] as number) * this.leftScale;
    this.angles.right = (readings.position[this.rightIndex] as number) * this.rightScale;
    return this.angles;
  }

  /**
   * Writes the motor goals (rad/s) that turn the wheels at `speeds` (rad/s) into `into`.
   * Runs every tick: must not allocate, must not block.
   */
  command(speeds: WheelPair, into: MotorCommands): MotorCommands {
    into.velocity[this.leftIndex] = speeds.left / this.leftScale;
    into.velocity[this.rightIndex] = speeds.right / this.rightScale;
    return into;
  }
}

const positive = (n: number) => n > 0;

function scaleOf(side: string, motor: DiffDriveMotorLike): number {
  const direction = checkedSetting(METHOD, `${side} motor direction`, motor.direction, '1 or -1', (n) => Math.abs(n) === 1);
  return direction / checkedSetting(METHOD, `${side} motor gearRatio`, motor.gearRatio, 'a positive number', positive);
}

function maxSpeedOf(side: string, motor: DiffDriveMotorLike): number {
  const limit = checkedSetting(METHOD, `${side} motor limits.maxVelocity`, motor.limits.maxVelocity, 'a positive number', positive);
  return limit / motor.gearRatio;
}
