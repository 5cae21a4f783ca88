import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import type { RobotDescription } from '@tickswap/robots';
import { Chassis } from './chassis';
import type { LiveSeed } from './live-seed';
import type { ReadingsRecording } from './readings-recording';
import type { SensorSource } from './sensor-source';
import type { PlanarPose } from './trajectory';

/**
 * A recording of the live robot's readings, replayed tick by tick instead of
 * the physics: tick `k` reads the recording's row `k` whatever was commanded.
 * The pose is dead-reckoned from the recorded wheel rotations (rolling
 * without slip), from the odometry's pose.
 *
 * @example
 * const source = new ReplaySource(robot, recording, seed);
 * source.read(0, readings); // row 0 of the recording
 */
export class ReplaySource implements SensorSource {
  readonly kind = 'recording';
  private readonly chassis: Chassis;
  private readonly previous: Float64Array;
  private readonly rotation: Float64Array;

  constructor(
    robot: RobotDescription,
    private readonly recording: ReadingsRecording,
    seed: LiveSeed,
  ) {
    this.chassis = new Chassis(robot, seed.pose);
    this.previous = recording.position.slice(0, recording.motors);
    this.rotation = new Float64Array(recording.motors);
  }

  /** Copies row `tick` and rolls the chassis by its change. Runs every tick: must not allocate. */
  read(tick: number, into: MotorReadings): void {
    const { motors, position, velocity, current } = this.recording;
    const from = tick * motors;
    for (let motor = 0; motor < motors; motor++) {
      const now = position[from + motor] as number;
      this.rotation[motor] = now - (this.previous[motor] as number);
      this.previous[motor] = now;
      into.position[motor] = now;
      into.velocity[motor] = velocity[from + motor] as number;
      into.current[motor] = current[from + motor] as number;
    }
    this.chassis.roll(this.rotation);
  }

  /** A recording does not listen: commands are only compared between the versions. */
  write(_commands: MotorCommands): void {
    return;
  }

  pose(into: PlanarPose): PlanarPose {
    return this.chassis.pose(into);
  }
}
