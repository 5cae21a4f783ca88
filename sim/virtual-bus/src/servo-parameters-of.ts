import type { ServoParameters } from '@tickswap/physics';
import type { MotorDescription } from '@tickswap/robots';

/**
 * What the physics needs of a described motor: its dynamics and its limits.
 *
 * @example
 * new ServoRig(Array.from({ length: 12 }, () => servoParametersOf(robot.motors[0])));
 */
export function servoParametersOf(motor: MotorDescription): ServoParameters {
  return { ...motor.dynamics, ...motor.limits };
}
