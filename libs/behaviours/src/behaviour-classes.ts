import { Behaviour } from './behaviour';
import { DiffDriveKinematics } from './diff-drive-kinematics';
import { MultiRate } from './multi-rate';
import { Pid } from './pid';
import { SquareMission } from './square-mission';
import { WheelMotors } from './wheel-motors';
import { WheelOdometry } from './wheel-odometry';

/**
 * Every behaviour class that ships, by the name a hot-swap namespace knows it
 * by (the base class included: a namespace holds every superclass). A patch
 * names the classes it changes by these names.
 *
 * @example
 * const namespace = Namespace.of('0', BEHAVIOUR_CLASSES); // @tickswap/dsu
 */
export const BEHAVIOUR_CLASSES = Object.freeze({
  Behaviour,
  Pid,
  DiffDriveKinematics,
  WheelOdometry,
  WheelMotors,
  SquareMission,
  MultiRate,
});
