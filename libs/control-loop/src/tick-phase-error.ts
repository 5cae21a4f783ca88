import type { TickPhase } from './tick-phases';

/**
 * A phase of a tick threw or rejected. Emitted on {@link TickLoop.errors$};
 * the original error is its `cause`.
 *
 * @example
 * loop.errors$.subscribe((e) => log.warn(`tick ${e.tick} ${e.phase}: ${String(e.cause)}`));
 */
export class TickPhaseError extends Error {
  override readonly name = 'TickPhaseError';

  constructor(
    /** The phase that failed. */
    readonly phase: TickPhase,
    /** Index of the tick (see {@link TickContext.index}). */
    readonly tick: number,
    cause: unknown,
  ) {
    super(`tick ${tick}: ${phase} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
