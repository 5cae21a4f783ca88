import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import type { PlanarPose } from './trajectory';

/**
 * What a simulated run reads its sensors from and writes its commands to:
 * the physics seeded from the live state, or a recording of the live
 * robot's readings. Either knows the robot's pose in the odometry's frame.
 */
export interface SensorSource {
  /** Where readings come from, as the verdict reports it. */
  readonly kind: 'physics' | 'recording';
  /** Brings the world to tick `tick`'s time and copies the motors' state into `into`. Runs every tick: must not allocate. */
  read(tick: number, into: MotorReadings): void;
  /** Gives the motors this tick's goals. Runs every tick: must not allocate. */
  write(commands: MotorCommands): void;
  /** The robot's pose now. Runs every tick: must not allocate. */
  pose(into: PlanarPose): PlanarPose;
}
