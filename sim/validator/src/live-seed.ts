import type { Namespace } from '@tickswap/dsu';
import type { RobotDescription } from '@tickswap/robots';
import { GateConfigError } from './errors';
import { findInstance } from './find-instance';
import type { MotorState } from './gate-request';
import type { PlanarPose } from './trajectory';

/** Where the simulated robot starts: the live robot's state, as far as the snapshot and the description tell it. */
export interface LiveSeed {
  /** The chassis pose, in the odometry's frame. */
  readonly pose: PlanarPose;
  /** Each servo's output shaft position, rad, and velocity, rad/s. */
  readonly position: Float64Array;
  readonly velocity: Float64Array;
  /** The path of the odometry whose pose seeded the chassis; undefined when none was found (the chassis starts at the origin). */
  readonly poseFrom: string | undefined;
}

type Loose = Readonly<Record<string, unknown>>;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkedReadings(values: ArrayLike<number>, robot: RobotDescription, field: string): Float64Array {
  if (values.length !== robot.motors.length || !Array.from(values).every(isNumber)) {
    throw new GateConfigError(`runGate failed: state.readings.${field} must hold ${robot.motors.length} finite numbers (one per motor of ${robot.name}), got ${values.length}; take the readings of the snapshot's tick`);
  }
  return Float64Array.from(values);
}

/** Motor positions that put the wheels at the odometry's last wheel angles (so its next sample sees no jump). */
function positionsFromOdometry(odometry: Loose, robot: RobotDescription): Float64Array {
  const previous = odometry['previous'] as Loose | undefined;
  return Float64Array.from(robot.motors, (motor) => {
    const wheel = previous?.[motor.side];
    return odometry['started'] === true && isNumber(wheel) ? (wheel * motor.gearRatio) / motor.direction : 0;
  });
}

/**
 * The seed of a simulated run, from the running version's state (`root`, the
 * controller state rebuilt from the snapshot):
 * - chassis pose: the pose of the first `WheelOdometry` of the state
 *   (breadth-first from the root), the robot's own estimate of where it is;
 *   the origin when the state has none;
 * - servo positions and velocities: the live readings of the snapshot's
 *   tick when given; otherwise at rest, at the wheel angles the odometry saw last.
 *
 * Not seeded (the description and the snapshot do not hold them): wheel
 * slip, motor temperature, battery voltage, calibration beyond the
 * description's gear ratios and directions.
 *
 * @example
 * const seed = liveSeed(root, namespace, robot, { position: [12.1, -12.0], velocity: [3.2, -3.2] });
 * seed.poseFrom; // 'root.behaviour.odometry'
 */
export function liveSeed(root: object, namespace: Namespace, robot: RobotDescription, readings: MotorState | undefined): LiveSeed {
  const Odometry = namespace.find('WheelOdometry');
  const found = Odometry === undefined ? undefined : findInstance(root, 'root', (value) => value instanceof Odometry);
  const odometry = (found?.value ?? {}) as Loose;
  const pose = odometry['pose'] as Loose | undefined;
  const hasPose = pose !== undefined && isNumber(pose['x']) && isNumber(pose['y']) && isNumber(pose['theta']);
  return {
    pose: hasPose ? { x: pose['x'] as number, y: pose['y'] as number, theta: pose['theta'] as number } : { x: 0, y: 0, theta: 0 },
    position: readings === undefined ? positionsFromOdometry(odometry, robot) : checkedReadings(readings.position, robot, 'position'),
    velocity: readings === undefined ? new Float64Array(robot.motors.length) : checkedReadings(readings.velocity, robot, 'velocity'),
    poseFrom: hasPose ? found?.path : undefined,
  };
}
