import { Behaviour } from './behaviour';
import { BehaviourConfigError, checkedSetting } from './behaviour-config-error';
import { wrapAngle } from './wrap-angle';

/** Settings of a {@link Pid}. Gains are ≥ 0; limits default to unbounded. */
export interface PidOptions {
  readonly kp: number;
  readonly ki?: number;
  readonly kd?: number;
  readonly outputMin?: number;
  readonly outputMax?: number;
  /** The measurement is an angle (rad): errors and changes are taken the short way round. */
  readonly angular?: boolean;
}

const METHOD = 'Pid constructor';
const gain = (name: string, value: number) => checkedSetting(METHOD, name, value, 'a finite number >= 0', (n) => n >= 0);

/**
 * A PID controller: set `setpoint`, then feed it one measurement per tick.
 *
 * - Derivative on measurement, so a step of the setpoint gives no kick.
 * - `integral` holds the integral term itself (in output units), clamped to
 *   the output limits; it does not grow while the output is saturated in the
 *   direction the error pushes (anti-windup by clamping).
 * - A tick whose setpoint or measurement is not finite, or whose `dt` is not
 *   a positive finite number, outputs 0 and leaves the state as it was: one
 *   NaN sample neither poisons the integral nor stops the controller. 0 is
 *   "no correction", the safe output when the measurement is unknown. So is
 *   a tick whose terms overflow. The time of skipped ticks is added to the
 *   next good tick's derivative interval, so the derivative stays a rate.
 *
 * @example
 * const heading = new Pid({ kp: 3, ki: 0.2, outputMin: -2, outputMax: 2, angular: true });
 * heading.setpoint = Math.PI / 2;
 * const omega = heading.update(measuredTheta, 0.001); // rad/s
 */
export class Pid extends Behaviour<number, number> {
  /** Its own instance fields, in declaration order, for hot swap (see `@tickswap/dsu`). */
  static readonly fields = [
    'kp', 'ki', 'kd', 'outputMin', 'outputMax', 'angular', 'setpoint',
    'integral', 'previousMeasurement', 'hasPrevious', 'skippedTime', 'output',
  ] as const;
  kp: number;
  ki: number;
  kd: number;
  outputMin: number;
  outputMax: number;
  angular: boolean;
  setpoint = 0;
  integral = 0;
  previousMeasurement = 0;
  hasPrevious = false;
  skippedTime = 0;
  output = 0;

  constructor(options: PidOptions) {
    super();
    this.kp = gain('kp', options.kp);
    this.ki = gain('ki', options.ki ?? 0);
    this.kd = gain('kd', options.kd ?? 0);
    this.outputMin = options.outputMin ?? Number.NEGATIVE_INFINITY;
    this.outputMax = options.outputMax ?? Number.POSITIVE_INFINITY;
    if (!(this.outputMin < this.outputMax)) {
      throw new BehaviourConfigError(
        `${METHOD} failed: outputMin must be below outputMax, got ${this.outputMin} and ${this.outputMax}`,
      );
    }
    this.angular = options.angular ?? false;
  }

  /**
   * The control output for this tick's measurement.
   * Runs every tick: must not allocate, must not block.
   */
  update(measurement: number, dt: number): number {
    const validDt = dt > 0 && dt < Number.POSITIVE_INFINITY;
    if (!validDt || !Number.isFinite(measurement) || !Number.isFinite(this.setpoint)) {
      return this.skip(validDt ? dt : 0);
    }
    const error = this.difference(this.setpoint, measurement);
    const proportional = this.kp * error;
    const derivative = this.hasPrevious
      ? (-this.kd * this.difference(measurement, this.previousMeasurement)) / (dt + this.skippedTime)
      : 0;
    const integral = this.clamp(this.integral + this.ki * error * dt);
    const unclamped = proportional + integral + derivative;
    // Extreme inputs can overflow a term; such a tick is as unusable as a NaN sample.
    if (!Number.isFinite(integral) || Number.isNaN(unclamped)) return this.skip(dt);
    const windingUp = (unclamped > this.outputMax && error > 0) || (unclamped < this.outputMin && error < 0);
    if (!windingUp) this.integral = integral;
    this.previousMeasurement = measurement;
    this.hasPrevious = true;
    this.skippedTime = 0;
    this.output = this.clamp(proportional + this.integral + derivative);
    return this.output;
  }

  /**
   * Forgets the integral and the previous measurement (keeps gains, limits and setpoint).
   *
   * @example
   * pid.reset(); // e.g. when the robot is re-enabled after a stop
   */
  reset(): void {
    this.integral = 0;
    this.previousMeasurement = 0;
    this.hasPrevious = false;
    this.skippedTime = 0;
    this.output = 0;
  }

  private skip(dt: number): number {
    this.skippedTime += dt;
    this.output = 0;
    return 0;
  }

  private difference(a: number, b: number): number {
    return this.angular ? wrapAngle(a - b) : a - b;
  }

  private clamp(value: number): number {
    return Math.min(this.outputMax, Math.max(this.outputMin, value));
  }
}
