/**
 * A robot description that cannot be used: unreadable file, bad JSON, or a
 * field that is missing, unknown or out of range. `field` is the path of the
 * offending field (`motors[1].limits.maxVelocity`) when there is one.
 *
 * @example
 * try { loadRobotDescription('robot.json'); }
 * catch (error) { if (error instanceof RobotDescriptionError) console.error(error.field, error.message); }
 */
export class RobotDescriptionError extends Error {
  override readonly name = 'RobotDescriptionError';
  /** What was wrong, without the method prefix (so callers can re-frame it). */
  readonly problem: string;
  readonly field: string | undefined;

  constructor(method: string, problem: string, field?: string, options?: ErrorOptions) {
    super(`${method} failed: ${problem}`, options);
    this.problem = problem;
    this.field = field;
  }
}
