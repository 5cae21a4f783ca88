/**
 * A control-loop object was called at the wrong time or for something it
 * does not hold: a loop started twice, a tick record no longer in the ring.
 *
 * @example
 * loop.start();
 * loop.start(); // throws LoopUsageError: a TickLoop runs once
 */
export class LoopUsageError extends Error {
  override readonly name = 'LoopUsageError';
}
