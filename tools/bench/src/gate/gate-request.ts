import { join } from 'node:path';
import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { LiveSystem, Namespace } from '@tickswap/dsu';
import { createMotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { captureLiveState, type GateRequest } from '@tickswap/validator';
import { createSimulatedBus } from '@tickswap/virtual-bus';

/** The repository's demo patch package (pid-integral-limit, 0 -> 1). */
const DEMO_PATCH = join(__dirname, '..', '..', '..', '..', 'patches', 'pid-integral-limit', 'patch.ts');

/**
 * The gate request the suite measures: the demo patch against the live
 * state of the reference robot after `liveS` seconds of the square mission
 * (turning at its first corner, the heading PID busy), for `horizonS`.
 *
 * @example
 * const request = await benchRequest(9, 10);
 */
export async function benchRequest(liveS: number, horizonS: number): Promise<GateRequest> {
  const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
  let tick = 0;
  const bus = createSimulatedBus({ robot, clock: () => tick / 1000 });
  await bus.start();
  const live = new LiveSystem(Namespace.of('0', BEHAVIOUR_CLASSES), { behaviour: new SquareMission(robot) });
  const readings = createMotorReadings(robot.motors.length);
  for (; tick < liveS * 1000; tick++) {
    bus.read(readings);
    bus.write(live.root.behaviour.update(readings, 0.001));
  }
  return {
    running: { base: '0', chain: [] },
    state: captureLiveState(live, readings),
    scenario: { robot },
    candidate: { kind: 'module', path: DEMO_PATCH },
    options: { horizonS },
  };
}
