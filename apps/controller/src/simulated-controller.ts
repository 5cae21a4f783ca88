import { SquareMission } from '@tickswap/behaviours';
import type { RobotDescription } from '@tickswap/robots';
import { createSimulatedBus, type SimulatedBus } from '@tickswap/virtual-bus';
import type { SchedulerLike } from 'rxjs';
import { Controller } from './controller';

/** What runs the simulated robot. */
export interface SimulatedControllerOptions {
  readonly robot: RobotDescription;
  /** Real time on a desk (`PreciseScheduler`), virtual time in tests: the physics follows it. */
  readonly scheduler: SchedulerLike;
  readonly rateHz?: number;
  /** Side of the square the mission drives, m (default 1). */
  readonly sideLength?: number;
}

/** A controller driving the simulated robot, and the simulated bus (for its ground-truth pose). */
export interface SimulatedController {
  readonly controller: Controller;
  readonly bus: SimulatedBus;
}

/**
 * The controller on the simulated robot, running the square mission. The
 * simulator's clock is the loop's scheduler, so the same code runs in real
 * time (`npm start`) and in virtual time (tests), where it is deterministic.
 *
 * @example
 * const { controller, bus } = createSimulatedController({ robot, scheduler: new VirtualTimeScheduler() });
 * await controller.start();
 */
export function createSimulatedController(options: SimulatedControllerOptions): SimulatedController {
  const { robot, scheduler } = options;
  const bus = createSimulatedBus({ robot, clock: () => scheduler.now() / 1000 });
  const behaviour = new SquareMission(robot, { sideLength: options.sideLength ?? 1 });
  const maxVelocity = robot.motors.map((motor) => motor.limits.maxVelocity);
  const controller = new Controller({ bus, behaviour, scheduler, rateHz: options.rateHz ?? 1000, maxVelocity });
  return { controller, bus };
}
