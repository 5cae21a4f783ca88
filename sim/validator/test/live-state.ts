// A live state as the controller would snapshot it: the square mission run
// for a while on the simulated robot, so that its pose, integral and wheels
// are far from their initial values.
import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { Namespace, toSnapshot } from '@tickswap/dsu';
import { createMotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH, type RobotDescription } from '@tickswap/robots';
import { createSimulatedBus } from '@tickswap/virtual-bus';
import { join } from 'node:path';
import { RECORDING_FORMAT, type GateOptions, type GateRequest, type LiveState } from '../src';

export const robot: RobotDescription = loadRobotDescription(REFERENCE_ROBOT_PATH);

/** The fixture patch module `name` (test/patches/<name>.ts), as a gate source. */
export const fixture = (name: string) => ({ kind: 'module', path: join(__dirname, 'patches', `${name}.ts`) }) as const;

/** A live robot: the mission at version 0 on the simulated bus. */
export interface LiveRobot {
  readonly state: LiveState;
  readonly mission: SquareMission;
  /** The odometry's pose at the snapshot. */
  readonly pose: { readonly x: number; readonly y: number; readonly theta: number };
  /** The readings of the `recordS` seconds that followed the snapshot, as a recording file holds them. */
  readonly recording: { format: string; rateHz: number; position: number[][]; velocity: number[][] };
}

/**
 * The controller state and readings after `seconds` of the square mission
 * (side 1 m) at 1 kHz on the simulated robot, and the mission itself; then
 * `recordS` more seconds are run, their readings recorded.
 */
export async function liveStateAfter(seconds: number, recordS = 0): Promise<LiveRobot> {
  let tick = 0;
  const bus = createSimulatedBus({ robot, clock: () => tick / 1000 });
  await bus.start();
  const mission = new SquareMission(robot, { sideLength: 1 });
  const readings = createMotorReadings(robot.motors.length);
  const run = (ticks: number, each: () => void) => {
    for (const end = tick + ticks; tick < end; tick++) {
      bus.read(readings);
      each();
      bus.write(mission.update(readings, 0.001));
    }
  };
  run(seconds * 1000, () => undefined);
  // Between two ticks, as the controller takes it: the readings are those the last tick read.
  const snapshot = toSnapshot({ behaviour: mission }, Namespace.of('0', BEHAVIOUR_CLASSES));
  const state: LiveState = { snapshot, readings: { position: [...readings.position], velocity: [...readings.velocity] } };
  const pose = { ...mission.odometry.pose };
  const recording = { format: RECORDING_FORMAT, rateHz: 1000, position: [] as number[][], velocity: [] as number[][] };
  run(recordS * 1000, () => {
    recording.position.push([...readings.position]);
    recording.velocity.push([...readings.velocity]);
  });
  return { state, mission, pose, recording };
}

/** A gate request of `candidate` from `state` on the reference robot, at version 0. */
export function requestOf(state: LiveState, candidate: GateRequest['candidate'], options: GateOptions = {}): GateRequest {
  return { running: { base: '0', chain: [] }, state, scenario: { robot }, candidate, options };
}
