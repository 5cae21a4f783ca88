import type { TickPhase } from './tick-phases';

/**
 * A phase of a tick threw or rejected. The loop caught it, faulted the tick
 * and emits this on `TickLoop#errors$`; the original error is its `cause`.
 *
 * @example
 * loop.errors$.subscribe((e) => log.warn(e.message)); // e.phase, e.tick, e.cause
 */
export class TickPhaseError extends Error {
  override readonly name = 'TickPhaseError';

  constructor(
    /** The phase that failed. */
    readonly phase: TickPhase,
    /** Index of the tick (see `TickContext#index`). */
    readonly tick: number,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `TickPhases#${phase} failed in tick ${tick}: ${reason}. The tick is faulted (the rest of read/update/write ` +
        `skipped, boundary run); fix the phase, the loop stops after maxConsecutiveFaults faulted ticks in a row`,
      { cause },
    );
  }
}
