// A live state as the controller would snapshot it: the square mission run
// for a while on the simulated robot, so that its pose, integral and wheels
// are far from their initial values.
import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { Namespace, toSnapshot } from '@tickswap/dsu';
import { createMotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH, type RobotDescription } from '@tickswap/robots';
import { createSimulatedBus } from '@tickswap/virtual-bus';
import { join } from 'node:path';
import type { GateOptions, GateRequest, LiveState } from '../src';

export const robot: RobotDescription = loadRobotDescription(REFERENCE_ROBOT_PATH);

/** The fixture patch module `name` (test/patches/<name>.ts), as a gate source. */
export const fixture = (name: string) => ({ kind: 'module', path: join(__dirname, 'patches', `${name}.ts`) }) as const;

/**
 * The controller state and readings after `seconds` of the square mission
 * (side `side` m) at 1 kHz on the simulated robot, and the mission itself.
 */
export async function liveStateAfter(seconds: number, side = 1): Promise<{ state: LiveState; mission: SquareMission }> {
  let now = 0;
  const bus = createSimulatedBus({ robot, clock: () => now });
  await bus.start();
  const mission = new SquareMission(robot, { sideLength: side });
  const readings = createMotorReadings(robot.motors.length);
  for (let tick = 0; tick < seconds * 1000; tick++) {
    now = tick / 1000;
    bus.read(readings);
    bus.write(mission.update(readings, 0.001));
  }
  const snapshot = toSnapshot({ behaviour: mission }, Namespace.of('0', BEHAVIOUR_CLASSES));
  return { state: { snapshot, readings: { position: [...readings.position], velocity: [...readings.velocity] } }, mission };
}

/** A gate request of `candidate` from `state` on the reference robot, at version 0. */
export function requestOf(state: LiveState, candidate: GateRequest['candidate'], options: GateOptions = {}): GateRequest {
  return { running: { base: '0', chain: [] }, state, scenario: { robot }, candidate, options };
}
