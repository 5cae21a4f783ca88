import { PhysicsParameterError } from './physics-parameter-error';

/**
 * One velocity-controlled servo as the simulator models it (SI units at the
 * output shaft). The servo's own controller drives the velocity toward the
 * goal with a first-order response of time constant `timeConstant`, as long as
 * it needs no more than `maxCurrent`; goals beyond `maxVelocity` are clamped.
 */
export interface ServoParameters {
  /** s */
  readonly timeConstant: number;
  /** N·m/A */
  readonly torqueConstant: number;
  /** kg·m² */
  readonly inertia: number;
  /** N·m */
  readonly coulombFriction: number;
  /** N·m·s/rad */
  readonly viscousFriction: number;
  /** rad/s */
  readonly maxVelocity: number;
  /** A */
  readonly maxCurrent: number;
}

const POSITIVE = ['timeConstant', 'torqueConstant', 'inertia', 'maxVelocity', 'maxCurrent'] as const;
const NON_NEGATIVE = ['coulombFriction', 'viscousFriction'] as const;

/**
 * Checks that `parameters` can be simulated with fixed step `step` (s).
 * The friction is integrated explicitly, which is stable while
 * viscousFriction·step/inertia < 1.
 *
 * @throws PhysicsParameterError naming the servo (by index) and the parameter
 * @example
 * checkServoParameters('ServoBank constructor', 0, params, 0.0005);
 */
export function checkServoParameters(method: string, index: number, parameters: ServoParameters, step: number): void {
  const fail = (problem: string): never => {
    throw new PhysicsParameterError(`${method} failed: servo ${index} ${problem}`);
  };
  for (const key of POSITIVE) {
    const value = parameters[key];
    if (!(Number.isFinite(value) && value > 0)) fail(`${key} must be a positive finite number, got ${value}`);
  }
  for (const key of NON_NEGATIVE) {
    const value = parameters[key];
    if (!(Number.isFinite(value) && value >= 0)) fail(`${key} must be a finite number >= 0, got ${value}`);
  }
  if ((parameters.viscousFriction * step) / parameters.inertia >= 1) {
    fail(`viscousFriction·step/inertia must be below 1 for a stable simulation; use a smaller step than ${step} s`);
  }
}
