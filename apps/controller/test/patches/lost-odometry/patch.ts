// A patch package whose odometry throws on its first update: the gate must refuse it.
import { Behaviour, WheelOdometry, type Pose2D, type WheelPair } from '@tickswap/behaviours';
import type { PatchStep } from '@tickswap/dsu';

class LostOdometry extends Behaviour<WheelPair, Pose2D> {
  static readonly fields = WheelOdometry.fields;
  wheelRadius = 0;
  trackWidth = 0;
  readonly pose: Pose2D = { x: 0, y: 0, theta: 0 };
  readonly previous: WheelPair = { left: 0, right: 0 };
  started = false;

  update(): Pose2D {
    throw new Error('odometry lost');
  }
}

const patch: PatchStep = { from: '0', to: '1', classes: { WheelOdometry: { kind: 'replace', code: LostOdometry } } };
export default patch;
