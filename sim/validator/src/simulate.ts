import { createMotorCommands, createMotorReadings, type MotorCommands, type MotorReadings } from '@tickswap/motor-bus';
import type { RobotDescription } from '@tickswap/robots';
import type { CheckResult } from './gate-verdict';
import type { ProgressCell } from './progress-cell';
import type { SensorSource } from './sensor-source';
import { throwSite } from './throw-site';
import { Trajectory, type PlanarPose } from './trajectory';

/** The controller state a run steps: what the controller's update phase calls every tick. */
export interface SteppedState {
  readonly behaviour: { update(readings: MotorReadings, dt: number): MotorCommands };
}

/** How long a run is and what its commands may be. */
export interface RunPlan {
  readonly ticks: number;
  readonly rateHz: number;
  readonly robot: RobotDescription;
}

/** A run: what it did, and the system check that stopped it, if one did. */
export interface RunOutcome {
  readonly trajectory: Trajectory;
  readonly failure: CheckResult | undefined;
}

/** Rounding a wheel speed back to a motor speed may overshoot an exact limit by a few ulps. */
const ROUNDING = 1 + 1e-9;

/** What is wrong with a tick's commands (a failed system check), or undefined. */
function commandProblem(commands: MotorCommands | undefined, robot: RobotDescription): Omit<CheckResult, 'kind' | 'status' | 'atS'> | undefined {
  const velocity: unknown = commands?.velocity;
  if (!ArrayBuffer.isView(velocity) || (velocity as Float64Array).length < robot.motors.length) {
    return { name: 'finite-commands', message: `update returned no motor commands (got ${typeof commands}); it must return { velocity } with one goal per motor`, path: 'commands' };
  }
  for (const [index, motor] of robot.motors.entries()) {
    const goal = (velocity as Float64Array)[index] as number;
    const path = `commands.velocity[${index}]`;
    if (!Number.isFinite(goal)) return { name: 'finite-commands', message: `motor ${index} (${motor.name}) was commanded ${goal} rad/s`, path };
    if (!(Math.abs(goal) <= motor.limits.maxVelocity * ROUNDING)) {
      return { name: 'motor-limits', message: `motor ${index} (${motor.name}) was commanded ${goal} rad/s, beyond its limit ±${motor.limits.maxVelocity} rad/s`, path };
    }
  }
  return undefined;
}

/**
 * Runs the controller's tick on `source` for `plan.ticks` ticks, as the live
 * loop runs it (read, update, check the commands, write), recording the
 * trajectory and each update's compute time. A tick that throws, commands a
 * non-finite value or beyond a motor's limit stops the run: that system
 * check fails at that tick's time, naming the instance or the command.
 * Synchronous and deterministic but for the compute times.
 *
 * @example
 * const { trajectory, failure } = simulate(root, new PhysicsSource(robot, seed, 1000), { ticks: 10_000, rateHz: 1000, robot }, cell);
 */
export function simulate(root: SteppedState, source: SensorSource, plan: RunPlan, cell: ProgressCell): RunOutcome {
  const motors = plan.robot.motors.length;
  const trajectory = new Trajectory(plan.rateHz, motors, plan.ticks);
  const readings = createMotorReadings(motors);
  const pose: PlanarPose = { x: 0, y: 0, theta: 0 };
  const dt = 1 / plan.rateHz;
  let commands: MotorCommands = createMotorCommands(motors);
  for (let tick = 0; tick < plan.ticks; tick++) {
    cell.tick(tick);
    const atS = tick / plan.rateHz;
    source.read(tick, readings);
    source.pose(pose);
    const start = performance.now();
    try {
      commands = root.behaviour.update(readings, dt);
    } catch (error) {
      const site = throwSite(root, error);
      const message = `${site.method ?? 'the behaviour'} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      return { trajectory, failure: { name: 'no-throw', kind: 'system', status: 'failed', message, atS, path: site.path } };
    }
    const computeUs = (performance.now() - start) * 1000;
    const problem = commandProblem(commands, plan.robot);
    if (problem !== undefined) return { trajectory, failure: { ...problem, kind: 'system', status: 'failed', atS } };
    trajectory.record(pose, commands, computeUs);
    source.write(commands);
  }
  return { trajectory, failure: undefined };
}
