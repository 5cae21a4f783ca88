/**
 * An option of the control loop, its scheduler, histograms or records is out
 * of range. Thrown by constructors, before anything runs.
 *
 * @example
 * new TickLoop(phases, { scheduler, rateHz: 0 }); // throws LoopConfigError
 */
export class LoopConfigError extends Error {
  override readonly name = 'LoopConfigError';
}
