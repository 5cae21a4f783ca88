import { Behaviour } from './behaviour';
import { checkedSetting } from './behaviour-config-error';

/** Motion of the robot's body: linear m/s along its heading, angular rad/s counter-clockwise. */
export interface BodyTwist {
  linear: number;
  angular: number;
}

/** A value per wheel (angle rad, or speed rad/s, at the wheel; positive = forward). */
export interface WheelPair {
  left: number;
  right: number;
}

/** Geometry (m) and wheel speed limits (rad/s at the wheel) of a differential drive. */
export interface DiffDriveKinematicsOptions {
  readonly wheelRadius: number;
  readonly trackWidth: number;
  readonly maxLeft: number;
  readonly maxRight: number;
}

const METHOD = 'DiffDriveKinematics constructor';
const positive = (name: string, value: number) => checkedSetting(METHOD, name, value, 'a positive number', (n) => n > 0);

/**
 * Differential-drive kinematics: wheel speeds ⇄ body twist. As a behaviour it
 * turns the twist wanted this tick into wheel speeds within the wheels'
 * limits (into its `wheels` output).
 *
 * When a wheel would exceed its limit, both wheels are scaled down by the
 * same factor: the robot slows down but keeps the ratio of its wheel speeds,
 * so it follows the same curve (turn ratio ω/v) the twist asked for.
 *
 * @example
 * const kinematics = new DiffDriveKinematics({ wheelRadius: 0.033, trackWidth: 0.16, maxLeft: 4.5, maxRight: 4.5 });
 * const wheels = kinematics.inverse(0.1, 0.5, { left: 0, right: 0 }); // rad/s per wheel
 * const twist = kinematics.forward(wheels.left, wheels.right, { linear: 0, angular: 0 });
 */
export class DiffDriveKinematics extends Behaviour<BodyTwist, WheelPair> {
  /** Its own instance fields, in declaration order, for hot swap. */
  static readonly fields = ['wheelRadius', 'trackWidth', 'maxLeft', 'maxRight', 'wheels'] as const;
  wheelRadius: number;
  trackWidth: number;
  maxLeft: number;
  maxRight: number;
  readonly wheels: WheelPair = { left: 0, right: 0 };

  constructor(options: DiffDriveKinematicsOptions) {
    super();
    this.wheelRadius = positive('wheelRadius', options.wheelRadius);
    this.trackWidth = positive('trackWidth', options.trackWidth);
    this.maxLeft = positive('maxLeft', options.maxLeft);
    this.maxRight = positive('maxRight', options.maxRight);
  }

  /**
   * Wheel speeds (rad/s) for `twist`, saturated to the limits, into `wheels`.
   * Runs every tick: must not allocate, must not block.
   */
  update(twist: BodyTwist, _dt: number): WheelPair {
    return this.inverse(twist.linear, twist.angular, this.wheels);
  }

  /**
   * The body twist that wheel speeds `left`, `right` (rad/s) produce, into `into`.
   * Runs every tick: must not allocate, must not block.
   */
  forward(left: number, right: number, into: BodyTwist): BodyTwist {
    into.linear = (this.wheelRadius * (left + right)) / 2;
    into.angular = (this.wheelRadius * (right - left)) / this.trackWidth;
    return into;
  }

  /**
   * Wheel speeds (rad/s) for a body twist, scaled down together when one
   * exceeds its limit; a non-finite twist gives zero speeds (stop).
   * Runs every tick: must not allocate, must not block.
   */
  inverse(linear: number, angular: number, into: WheelPair): WheelPair {
    const spin = (angular * this.trackWidth) / 2;
    const left = (linear - spin) / this.wheelRadius;
    const right = (linear + spin) / this.wheelRadius;
    const scale = Math.min(1, this.maxLeft / Math.abs(left), this.maxRight / Math.abs(right));
    const usable = Number.isFinite(left) && Number.isFinite(right);
    into.left = usable ? left * scale : 0;
    into.right = usable ? right * scale : 0;
    return into;
  }
}
