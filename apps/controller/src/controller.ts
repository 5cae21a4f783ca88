import { HotSwap, loopVersion, TickLoop, type HotSwapOptions, type LoopStopReason, type TickPhases } from '@tickswap/control-loop';
import { BEHAVIOUR_CLASSES, type Behaviour } from '@tickswap/behaviours';
import { LiveSystem, Namespace, type Patch } from '@tickswap/dsu';
import {
  createMotorCommands,
  createMotorReadings,
  type MotorBus,
  type MotorCommands,
  type MotorReadings,
} from '@tickswap/motor-bus';
import type { SchedulerLike } from 'rxjs';
import { CommandLimits } from './command-limits';
import { multiRateGate } from './multi-rate-gate';

/** The version of the shipped behaviours: what a controller runs before any update. */
export const BASE_VERSION = '0';

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
  /** Each motor's speed limit, rad/s (the robot description's); commands beyond it are never written. Default: NaN is refused, no limit. */
  readonly maxVelocity?: readonly number[];
  /** The classes the behaviour is built from, as a hot-swap namespace (default: the shipped behaviours, version {@link BASE_VERSION}). */
  readonly namespace?: Namespace;
  /** Committed patches to apply, in order, before the loop starts (the chain an update journal restores). */
  readonly updates?: readonly Patch[];
  /** How updates are prepared, committed and watched (the gate for multi-rate behaviours is the controller's). */
  readonly hotSwap?: Omit<HotSwapOptions, 'gate'>;
}

/** The state a controller's updates migrate: everything the behaviours hold, reached from here. */
export interface ControllerState {
  behaviour: Behaviour<MotorReadings, MotorCommands>;
}

/**
 * The robot's controller: one tick reads the motors, runs the behaviour,
 * checks its commands against the motors' limits and writes them; its
 * behaviours are replaced while it runs by {@link hotSwap} (at the tick
 * boundary, with their state migrated); stopping (asked for, or forced by
 * repeated faults) always ends with the motors commanded to zero and their
 * torque off.
 *
 * @example
 * const controller = new Controller({ bus, behaviour: new SquareMission(robot), scheduler: new PreciseScheduler(), maxVelocity: [4.5, 4.5] });
 * await controller.start();
 * await controller.hotSwap.request(patch); // committed between two ticks, then watched
 * await controller.stop(); // motors are at zero, torque off
 */
export class Controller {
  readonly loop: TickLoop;
  readonly bus: MotorBus;
  readonly readings: MotorReadings;
  /** The running namespace and the behaviour state (`live.root.behaviour`). */
  readonly live: LiveSystem<ControllerState>;
  /** Updates of the behaviours at the tick boundary, and their log. */
  readonly hotSwap: HotSwap;
  /** Resolves once the loop has stopped and the motors are safe, with why the loop stopped. */
  readonly stopped: Promise<LoopStopReason>;
  private lastCommands: MotorCommands;

  constructor(options: ControllerOptions) {
    this.bus = options.bus;
    this.readings = createMotorReadings(this.bus.motorCount);
    this.lastCommands = createMotorCommands(this.bus.motorCount);
    this.live = new LiveSystem(options.namespace ?? Namespace.of(BASE_VERSION, BEHAVIOUR_CLASSES), { behaviour: options.behaviour });
    for (const patch of options.updates ?? []) this.live.update(patch, { policy: 'eager' });
    this.hotSwap = new HotSwap(this.live, { ...options.hotSwap, gate: multiRateGate(this.live) });
    const limits = new CommandLimits(options.maxVelocity ?? []);
    const phases: TickPhases = {
      read: () => this.bus.read(this.readings),
      update: (tick) => {
        // Read through the live root every tick: a commit may have replaced the behaviour.
        this.lastCommands = this.live.root.behaviour.update(this.readings, tick.dt);
        limits.check(this.lastCommands);
      },
      write: () => this.bus.write(this.lastCommands),
      boundary: this.hotSwap.boundary,
    };
    this.loop = new TickLoop(phases, {
      scheduler: options.scheduler,
      rateHz: options.rateHz ?? 1000,
      maxConsecutiveFaults: options.maxConsecutiveFaults ?? 10,
      version: loopVersion(this.live.namespace.version, 'Controller constructor'),
    });
    this.hotSwap.attach(this.loop);
    // Whatever stopped the loop, the motors are stopped before anyone hears of it.
    this.stopped = this.loop.stopped.then(async (reason) => {
      await this.bus.stop();
      return reason;
    });
  }

  /** The behaviour running now (a commit may have replaced the one given). */
  get behaviour(): Behaviour<MotorReadings, MotorCommands> {
    return this.live.root.behaviour;
  }

  /** The commands of the last tick (what was written to the motors). */
  get commands(): MotorCommands {
    return this.lastCommands;
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
