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

/** Each motor's speed limit with the rounding allowance, index-aligned with the description. */
const limitsOf = (robot: RobotDescription) => Float64Array.from(robot.motors, (motor) => motor.limits.maxVelocity * ROUNDING);

/**
 * The index of the first motor whose command is not finite or beyond its
 * limit; -1 when all are good, -2 when there are no commands at all.
 * Runs every tick: must not allocate.
 */
function badCommand(commands: MotorCommands | undefined, limits: Float64Array): number {
  const velocity: unknown = commands?.velocity;
  if (!ArrayBuffer.isView(velocity) || (velocity as Float64Array).length < limits.length) return -2;
  for (let motor = 0; motor < limits.length; motor++) {
    const goal = (velocity as Float64Array)[motor] as number;
    if (!(Math.abs(goal) <= (limits[motor] as number))) return motor;
  }
  return -1;
}

/** The failed system check of a tick whose commands {@link badCommand} found wrong. */
function commandFailure(commands: MotorCommands | undefined, motor: number, robot: RobotDescription, atS: number): CheckResult {
  const base = { kind: 'system', status: 'failed', atS } as const;
  const description = robot.motors[motor];
  if (description === undefined) {
    return { ...base, name: 'finite-commands', message: `update returned no motor commands (got ${typeof commands}); it must return { velocity } with one goal per motor`, path: 'commands' };
  }
  const goal = commands?.velocity[motor] as number;
  const path = `commands.velocity[${motor}]`;
  if (!Number.isFinite(goal)) return { ...base, name: 'finite-commands', message: `motor ${motor} (${description.name}) was commanded ${goal} rad/s`, path };
  const message = `motor ${motor} (${description.name}) was commanded ${goal} rad/s, beyond its limit ±${description.limits.maxVelocity} rad/s`;
  return { ...base, name: 'motor-limits', message, path };
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
  const limits = limitsOf(plan.robot);
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
    const bad = badCommand(commands, limits);
    if (bad !== -1) return { trajectory, failure: commandFailure(commands, bad, plan.robot, atS) };
    trajectory.record(pose, commands, computeUs);
    source.write(commands);
  }
  return { trajectory, failure: undefined };
}
