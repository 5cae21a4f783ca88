/** Why a tick's outputs were rejected: a value that is not a number, or one outside its limits. */
export type OutputFault = 'nan' | 'out-of-limit';

/**
 * The outputs a tick computed failed the host's check (a motor command that
 * is NaN, or beyond the motor's limits). The host throws it from its `update`
 * phase, so the loop faults the tick and skips its `write`: the bad outputs
 * never leave the controller. A hot swap watching a new version classifies
 * the fault by `kind` and rolls the update back.
 *
 * @example
 * if (Number.isNaN(goal)) throw new OutputRejectedError('nan', 'Controller#update failed: motor 1 goal is NaN; ...');
 */
export class OutputRejectedError extends Error {
  override readonly name = 'OutputRejectedError';

  constructor(
    /** What was wrong with the outputs. */
    readonly kind: OutputFault,
    message: string,
  ) {
    super(message);
  }
}
