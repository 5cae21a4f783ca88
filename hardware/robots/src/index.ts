// Public API of @tickswap/robots: every export is named here.
export type {
  MotorDescription,
  MotorDynamics,
  MotorLimits,
  RobotDescription,
  SerialSettings,
  WheelSide,
} from './robot-description';
export { RobotDescriptionError } from './robot-description-error';
export { parseRobotDescription } from './parse-robot-description';
export { loadRobotDescription } from './load-robot-description';
export { REFERENCE_ROBOT_PATH } from './reference-robot';
