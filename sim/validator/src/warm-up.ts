import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { fromSnapshot, Namespace, toSnapshot } from '@tickswap/dsu';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { PhysicsSource } from './physics-source';
import { ProgressCell } from './progress-cell';
import { simulate, type SteppedState } from './simulate';

/** Simulated ticks of the warm-up: enough for V8 to optimise the tick's code. */
const WARM_UP_TICKS = 20_000;

/**
 * Runs the shipped square mission (rebuilt from a snapshot) on the reference robot for a few
 * simulated seconds and throws the run away, so that a standby worker's
 * first gate runs the physics, the tick and the behaviours' code optimised
 * instead of paying the compiler in its shadow run.
 *
 * @example
 * if (setup.warmUp) warmUp(); // before the worker says it is ready
 */
export function warmUp(): void {
  const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
  const seed = { pose: { x: 0, y: 0, theta: 0 }, position: new Float64Array(robot.motors.length), velocity: new Float64Array(robot.motors.length), poseFrom: undefined };
  // Through a snapshot, as a gate rebuilds its state: the objects then have the shapes a gate's objects have.
  const namespace = Namespace.of('warm-up', BEHAVIOUR_CLASSES);
  const state = fromSnapshot(toSnapshot({ behaviour: new SquareMission(robot) }, namespace), namespace) as SteppedState;
  simulate(state, new PhysicsSource(robot, seed, 1000), { ticks: WARM_UP_TICKS, rateHz: 1000, robot }, new ProgressCell());
}
