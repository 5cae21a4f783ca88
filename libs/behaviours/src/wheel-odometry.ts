import { Behaviour } from './behaviour';
import { checkedSetting } from './behaviour-config-error';
import type { WheelPair } from './diff-drive-kinematics';
import { wrapAngle } from './wrap-angle';

/** A planar pose: x, y in m; theta in rad within (−π, π], 0 along +x, counter-clockwise positive. */
export interface Pose2D {
  x: number;
  y: number;
  theta: number;
}

const METHOD = 'WheelOdometry constructor';

/**
 * Dead reckoning of a differential drive from its wheel angles: each tick's
 * wheel rotations move the pose along the heading at the middle of the tick
 * (second-order midpoint rule). The pose starts at (0, 0, 0) at the first
 * sample.
 *
 * A sample with a non-finite wheel angle is skipped: the pose stays and the
 * next good sample accounts for all the rotation since the last good one.
 *
 * @example
 * const odometry = new WheelOdometry(0.033, 0.16);
 * const pose = odometry.update({ left: wheelLeftRad, right: wheelRightRad }, 0.001);
 */
export class WheelOdometry extends Behaviour<WheelPair, Pose2D> {
  /** Its own instance fields, in declaration order, for hot swap. */
  static readonly fields = ['wheelRadius', 'trackWidth', 'pose', 'previous', 'started'] as const;
  wheelRadius: number;
  trackWidth: number;
  readonly pose: Pose2D = { x: 0, y: 0, theta: 0 };
  readonly previous: WheelPair = { left: 0, right: 0 };
  started = false;

  constructor(wheelRadius: number, trackWidth: number) {
    super();
    this.wheelRadius = checkedSetting(METHOD, 'wheelRadius', wheelRadius, 'a positive number of metres', (n) => n > 0);
    this.trackWidth = checkedSetting(METHOD, 'trackWidth', trackWidth, 'a positive number of metres', (n) => n > 0);
  }

  /**
   * Moves the pose by the wheel rotation since the previous sample.
   * Runs every tick: must not allocate, must not block.
   */
  update(angles: WheelPair, _dt: number): Pose2D {
    if (!Number.isFinite(angles.left) || !Number.isFinite(angles.right)) return this.pose;
    if (this.started) {
      const left = angles.left - this.previous.left;
      const right = angles.right - this.previous.right;
      const distance = (this.wheelRadius * (left + right)) / 2;
      const turn = (this.wheelRadius * (right - left)) / this.trackWidth;
      this.pose.x += distance * Math.cos(this.pose.theta + turn / 2);
      this.pose.y += distance * Math.sin(this.pose.theta + turn / 2);
      this.pose.theta = wrapAngle(this.pose.theta + turn);
    }
    this.previous.left = angles.left;
    this.previous.right = angles.right;
    this.started = true;
    return this.pose;
  }
}
