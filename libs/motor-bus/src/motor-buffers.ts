/**
 * Present state of every motor, structure-of-arrays and index-aligned with
 * the robot description's motor order. Units: rad, rad/s, A.
 */
export interface MotorReadings {
  readonly position: Float64Array;
  readonly velocity: Float64Array;
  readonly current: Float64Array;
}

/** Goal of every motor, index-aligned like {@link MotorReadings}. Unit: rad/s. */
export interface MotorCommands {
  readonly velocity: Float64Array;
}

/**
 * Allocates the reading buffers for `count` motors, once, before the loop starts.
 *
 * @example
 * const readings = createMotorReadings(2); // readings.velocity.length === 2
 */
export function createMotorReadings(count: number): MotorReadings {
  return {
    position: new Float64Array(count),
    velocity: new Float64Array(count),
    current: new Float64Array(count),
  };
}

/**
 * Allocates the command buffer for `count` motors (all goals zero).
 *
 * @example
 * const commands = createMotorCommands(2);
 * commands.velocity[1] = -0.5;
 */
export function createMotorCommands(count: number): MotorCommands {
  return { velocity: new Float64Array(count) };
}
