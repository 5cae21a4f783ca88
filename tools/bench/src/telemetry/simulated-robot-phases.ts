import type { TickContext, TickPhases } from '@tickswap/control-loop';
import { SquareMission } from '@tickswap/behaviours';
import { createMotorCommands, createMotorReadings, type MotorCommands, type MotorReadings } from '@tickswap/motor-bus';
import type { RobotDescription } from '@tickswap/robots';
import { createSimulatedBus, type GroundTruthPose } from '@tickswap/virtual-bus';
import type { SchedulerLike } from 'rxjs';

/** What a tick of the simulated robot reads and writes, and where the robot is. */
export interface RobotState {
  readonly readings: MotorReadings;
  commands: MotorCommands;
  readonly pose: GroundTruthPose;
}

/**
 * The phases of the controller `npm start` runs: the reference robot
 * simulated behind the in-memory bus (its physics follows the loop's
 * clock), SquareMission computing the wheel goals; `boundary` is the
 * caller's (sampling for a recording, a version change, stopping). The bus
 * is started (torque on) before it resolves.
 *
 * @example
 * const { phases, state } = await simulatedRobotPhases(robot, scheduler, (tick) => void (tick.index === 999 && loop.stop()));
 */
export async function simulatedRobotPhases(
  robot: RobotDescription,
  scheduler: SchedulerLike,
  boundary: (tick: TickContext, state: RobotState) => void,
): Promise<{ phases: TickPhases; state: RobotState }> {
  const bus = createSimulatedBus({ robot, clock: () => scheduler.now() / 1000 });
  const mission = new SquareMission(robot, { sideLength: 1 });
  const state: RobotState = { readings: createMotorReadings(bus.motorCount), commands: createMotorCommands(bus.motorCount), pose: bus.pose() };
  await bus.start();
  const phases: TickPhases = {
    read: () => bus.read(state.readings),
    update: (tick) => {
      state.commands = mission.update(state.readings, tick.dt);
    },
    write: () => bus.write(state.commands),
    boundary: (tick) => boundary(tick, state),
  };
  return { phases, state };
}
