import { TickLoop, type LoopStopReason, type TickPhases } from '@tickswap/control-loop';
import { Behaviour } from '@tickswap/behaviours';
import {
  createMotorCommands,
  createMotorReadings,
  type MotorBus,
  type MotorCommands,
  type MotorReadings,
} from '@tickswap/motor-bus';
import type { SchedulerLike } from 'rxjs';

/** What a {@link Controller} drives and how fast. */
export interface ControllerOptions {
  /** The motors: a serial bus on the robot, the simulator at a desk. */
  readonly bus: MotorBus;
  /** The top-level behaviour: motor readings in, motor commands out. */
  readonly behaviour: Behaviour<MotorReadings, MotorCommands>;
  /** The loop's time source (a `PreciseScheduler` on the robot, virtual time in tests). */
  readonly scheduler: SchedulerLike;
  /** Ticks per second (default 1000). */
  readonly rateHz?: number;
  /** Faulted ticks in a row after which the loop stops and the motors are stopped (default 10). */
  readonly maxConsecutiveFaults?: number;
}

/**
 * The robot's controller: one tick reads the motors, runs the behaviour and
 * writes its commands; stopping (asked for, or forced by repeated faults)
 * always ends with the motors commanded to zero and their torque off.
 *
 * @example
 * const controller = new Controller({ bus, behaviour: new SquareMission(robot), scheduler: new PreciseScheduler() });
 * await controller.start();
 * process.once('SIGINT', () => void controller.stop());
 * await controller.stopped; // motors are at zero, torque off
 */
export class Controller {
  readonly loop: TickLoop;
  readonly bus: MotorBus;
  readonly readings: MotorReadings;
  /** Resolves once the loop has stopped and the motors are safe, with why the loop stopped. */
  readonly stopped: Promise<LoopStopReason>;
  private behaviour: Behaviour<MotorReadings, MotorCommands>;
  private commands: MotorCommands;

  constructor(options: ControllerOptions) {
    this.bus = options.bus;
    this.behaviour = options.behaviour;
    this.readings = createMotorReadings(this.bus.motorCount);
    this.commands = createMotorCommands(this.bus.motorCount);
    const phases: TickPhases = {
      read: () => this.bus.read(this.readings),
      update: (tick) => {
        this.commands = this.behaviour.update(this.readings, tick.dt);
      },
      write: () => this.bus.write(this.commands),
      boundary: () => undefined,
    };
    this.loop = new TickLoop(phases, {
      scheduler: options.scheduler,
      rateHz: options.rateHz ?? 1000,
      maxConsecutiveFaults: options.maxConsecutiveFaults ?? 10,
    });
    // Whatever stopped the loop, the motors are stopped before anyone hears of it.
    this.stopped = this.loop.stopped.then(async (reason) => {
      await this.bus.stop();
      return reason;
    });
  }

  /** Readies the motors (torque on), then starts ticking. */
  async start(): Promise<void> {
    await this.bus.start();
    this.loop.start();
  }

  /** Stops after the tick in flight; resolves once the motors are at zero with torque off. */
  async stop(): Promise<LoopStopReason> {
    await this.loop.stop();
    return this.stopped;
  }
}
