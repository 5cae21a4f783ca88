import { performance } from 'node:perf_hooks';
import { SquareMission } from '@tickswap/behaviours';
import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import type { RobotDescription } from '@tickswap/robots';
import { createSimulatedBus, SimulatedRobot } from '@tickswap/virtual-bus';

/** What a timed run drives each tick. */
export type SimulationScenario = 'physics' | 'bus' | 'mission';

/** Both wheels forward at a constant goal, for the runs without a behaviour. */
const CRUISE_GOALS = [3, -3];

/**
 * Wall-clock seconds `ticks` ticks of `tick` seconds of virtual time take:
 * - `physics`: the simulated robot alone, advanced to each tick's time;
 * - `bus`: read and write through the in-memory simulated bus, constant goals;
 * - `mission`: the same with SquareMission computing the goals from the readings.
 * Construction and start happen before the clock starts.
 *
 * @example
 * const wall = await timeSimulation(robot, 'mission', 30_000, 0.001);
 */
export async function timeSimulation(
  robot: RobotDescription,
  scenario: SimulationScenario,
  ticks: number,
  tick: number,
): Promise<number> {
  let now = 0;
  if (scenario === 'physics') {
    const simulation = new SimulatedRobot(robot);
    simulation.servos.torqueEnabled.fill(1);
    simulation.servos.goal.set(CRUISE_GOALS);
    const begin = performance.now();
    for (let k = 1; k <= ticks; k++) simulation.advanceTo(k * tick);
    return (performance.now() - begin) / 1000;
  }
  const bus = createSimulatedBus({ robot, clock: () => now });
  const readings = createMotorReadings(bus.motorCount);
  const constant = createMotorCommands(bus.motorCount);
  constant.velocity.set(CRUISE_GOALS);
  const mission = new SquareMission(robot);
  await bus.start();
  const begin = performance.now();
  for (let k = 1; k <= ticks; k++) {
    now = k * tick;
    bus.read(readings);
    bus.write(scenario === 'mission' ? mission.update(readings, tick) : constant);
  }
  return (performance.now() - begin) / 1000;
}
