import type { MotorCommands } from '@tickswap/motor-bus';

/** A planar pose in the odometry's frame: x, y in m, theta in rad (unwrapped). */
export interface PlanarPose {
  x: number;
  y: number;
  theta: number;
}

/** A trajectory thinned out for plots and reports: one sample every `every` ticks. */
export interface TrajectoryData {
  /** Simulated time of each sample, s. */
  readonly t: readonly number[];
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly theta: readonly number[];
}

/** Most samples {@link Trajectory#thinned} keeps: plenty for a plot, small enough for a verdict. */
const MAX_SAMPLES = 1000;

/**
 * What one simulated run did, tick by tick, at full rate: the pose the
 * simulated robot was at when the tick read its sensors, the commands the
 * tick produced (tick-major: `commands[tick * motors + motor]`, rad/s) and
 * the compute time of the tick's update (µs). Sample `k` is at `k / rateHz`
 * seconds after the snapshot. Preallocated: recording allocates nothing.
 *
 * @example
 * const run = new Trajectory(1000, 2, 10_000);
 * run.record(pose, commands, 1.8);
 * run.timeOf(run.length - 1); // 0
 */
export class Trajectory {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly theta: Float64Array;
  readonly commands: Float64Array;
  readonly computeUs: Float64Array;
  /** Ticks recorded. */
  length = 0;

  constructor(
    readonly rateHz: number,
    readonly motors: number,
    capacity: number,
  ) {
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.theta = new Float64Array(capacity);
    this.commands = new Float64Array(capacity * motors);
    this.computeUs = new Float64Array(capacity);
  }

  /** Seconds after the snapshot of sample `k`. */
  timeOf(k: number): number {
    return k / this.rateHz;
  }

  /** The simulated time the run reached (the end of its last tick), s. */
  get reachedS(): number {
    return this.length / this.rateHz;
  }

  /**
   * Appends one tick. Runs every simulated tick: must not allocate.
   */
  record(pose: PlanarPose, commands: MotorCommands, computeUs: number): void {
    const k = this.length;
    this.x[k] = pose.x;
    this.y[k] = pose.y;
    this.theta[k] = pose.theta;
    for (let motor = 0; motor < this.motors; motor++) this.commands[k * this.motors + motor] = commands.velocity[motor] as number;
    this.computeUs[k] = computeUs;
    this.length = k + 1;
  }

  /** The command of `motor` at tick `k`, rad/s. */
  command(k: number, motor: number): number {
    return this.commands[k * this.motors + motor] as number;
  }

  /** At most 1000 evenly spaced samples of the pose, the last tick included. */
  thinned(): TrajectoryData {
    const every = Math.max(1, Math.ceil(this.length / MAX_SAMPLES));
    const picks: number[] = [];
    for (let k = 0; k < this.length; k += every) picks.push(k);
    if (this.length > 0 && picks.at(-1) !== this.length - 1) picks.push(this.length - 1);
    return {
      t: picks.map((k) => this.timeOf(k)),
      x: picks.map((k) => this.x[k] as number),
      y: picks.map((k) => this.y[k] as number),
      theta: picks.map((k) => this.theta[k] as number),
    };
  }
}
