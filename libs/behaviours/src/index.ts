// Public API of @tickswap/behaviours: every export is named here.
export { Behaviour } from './behaviour';
export { BehaviourConfigError, checkedSetting } from './behaviour-config-error';
export { wrapAngle } from './wrap-angle';
export type { PidOptions } from './pid';
export { Pid } from './pid';
export type { BodyTwist, DiffDriveKinematicsOptions, WheelPair } from './diff-drive-kinematics';
export { DiffDriveKinematics } from './diff-drive-kinematics';
export type { Pose2D } from './wheel-odometry';
export { WheelOdometry } from './wheel-odometry';
export type { DiffDriveMotorLike, DiffDriveRobotLike } from './wheel-motors';
export { WheelMotors } from './wheel-motors';
export type { SquareMissionOptions } from './square-mission';
export { SquareMission } from './square-mission';
export { MultiRate } from './multi-rate';
export { BEHAVIOUR_CLASSES } from './behaviour-classes';
