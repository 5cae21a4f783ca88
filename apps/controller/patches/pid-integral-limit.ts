// A patch of the shipped behaviours, version 0 -> 1: the PID's integral term
// is renamed `integralSum` and gets its own limit, `integralLimit`, so a long
// saturation can no longer wind it up to the whole output range. Every live
// PID keeps its gains, setpoint and the integral it has accumulated.
import { Behaviour, Pid, wrapAngle } from '@tickswap/behaviours';
import type { PatchStep } from '@tickswap/dsu';

/** The integral limit every migrated PID gets, in output units (rad/s for the heading PID). */
export const INTEGRAL_LIMIT = 0.5;

/**
 * Version 1 of `Pid`: the same controller, whose integral (`integralSum`)
 * is held within ±`integralLimit` as well as within the output limits. Its
 * instances come from migration only (the patch builds them from version 0's).
 *
 * @example
 * pid.update(measuredTheta, 0.001); // as version 0, with the integral clamped to ±integralLimit
 */
export class PidV1 extends Behaviour<number, number> {
  static readonly fields = [
    'kp', 'ki', 'kd', 'outputMin', 'outputMax', 'angular', 'setpoint',
    'integralSum', 'integralLimit', 'previousMeasurement', 'hasPrevious', 'skippedTime', 'output',
  ] as const;
  kp = 0;
  ki = 0;
  kd = 0;
  outputMin = Number.NEGATIVE_INFINITY;
  outputMax = Number.POSITIVE_INFINITY;
  angular = false;
  setpoint = 0;
  integralSum = 0;
  integralLimit = INTEGRAL_LIMIT;
  previousMeasurement = 0;
  hasPrevious = false;
  skippedTime = 0;
  output = 0;

  /**
   * The control output for this tick's measurement (bad samples and bad `dt`
   * give 0 and leave the state alone, as in version 0).
   * Runs every tick: must not allocate, must not block.
   */
  update(measurement: number, dt: number): number {
    const usable = dt > 0 && dt < Number.POSITIVE_INFINITY && Number.isFinite(measurement) && Number.isFinite(this.setpoint);
    if (!usable) return this.idle(dt > 0 && dt < Number.POSITIVE_INFINITY ? dt : 0);
    const error = this.angular ? wrapAngle(this.setpoint - measurement) : this.setpoint - measurement;
    const change = this.angular ? wrapAngle(measurement - this.previousMeasurement) : measurement - this.previousMeasurement;
    const derivative = this.hasPrevious ? (-this.kd * change) / (dt + this.skippedTime) : 0;
    const bound = Math.min(this.integralLimit, this.outputMax, -this.outputMin);
    const integral = Math.max(-bound, Math.min(bound, this.integralSum + this.ki * error * dt));
    const raw = this.kp * error + integral + derivative;
    if (Number.isNaN(raw)) return this.idle(dt);
    // Anti-windup: the integral does not follow an error that pushes a saturated output further.
    if (!((raw > this.outputMax && error > 0) || (raw < this.outputMin && error < 0))) this.integralSum = integral;
    this.previousMeasurement = measurement;
    this.hasPrevious = true;
    this.skippedTime = 0;
    this.output = Math.min(this.outputMax, Math.max(this.outputMin, this.kp * error + this.integralSum + derivative));
    return this.output;
  }

  private idle(dt: number): number {
    this.skippedTime += dt;
    this.output = 0;
    return 0;
  }
}

/** Version 0 -> 1, and back (rollback carries the integral back as `integral`). */
export const patch: PatchStep = {
  from: '0',
  to: '1',
  classes: {
    Pid: { kind: 'replace', code: PidV1, rename: { integral: 'integralSum' }, add: { integralLimit: { value: INTEGRAL_LIMIT } } },
  },
  validations: {
    Pid: (pid) => (Math.abs((pid as PidV1).integralSum) <= (pid as PidV1).integralLimit ? undefined : `integralSum beyond ±${INTEGRAL_LIMIT}: the PID was wound up; retry when it is not`),
  },
  inverse: {
    from: '1',
    to: '0',
    classes: { Pid: { kind: 'replace', code: Pid, rename: { integralSum: 'integral' }, remove: ['integralLimit'] } },
  },
};
