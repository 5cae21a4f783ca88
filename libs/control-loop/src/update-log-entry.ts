import type { Policy } from '@tickswap/dsu';

/**
 * What happened to an update. `committed` and `rolled-back` are swaps at a
 * tick boundary (with their downtime); the others are final outcomes in which
 * the running version did not change (`refused`, `abandoned`, `failed`) or
 * stayed as committed (`kept`: it passed its watch; `rollback-failed`).
 */
export type UpdateEvent = 'committed' | 'kept' | 'rolled-back' | 'rollback-failed' | 'abandoned' | 'refused' | 'failed';

/** Why a watched update was rolled back. */
export type WatchFailure = 'throw' | 'nan' | 'out-of-limit' | 'missed-deadlines';

/** What a commit or rollback cost the loop, from the loop's own tick records. */
export interface Downtime {
  /** Duration of the boundary that swapped (the tick record's `commit`), ms. */
  readonly boundaryMs: number;
  /** Lateness of the tick after it (actual minus scheduled start), ms; NaN if the loop stopped first. */
  readonly latenessMs: number;
  /** Grid periods skipped because the swapping tick ended after the next deadline(s) (an overrun of its other phases included). */
  readonly missedTicks: number;
}

/** How the preparation of a committed update went (off the tick, in the slack between ticks). */
export interface PreparationFigures {
  /** From the start of its preparation to the commit, ms (scheduler clock). */
  readonly elapsedMs: number;
  /** Time spent preparing, summed over the slices, ms. */
  readonly workMs: number;
  /** Slices of the slack it was spread over. */
  readonly slices: number;
  /** Instances of changed classes found in the state. */
  readonly instances: number;
}

/**
 * One line of the update log.
 *
 * @example
 * swap.log.entries$.subscribe((e) => console.log(e.event, e.id, e.downtime?.boundaryMs));
 */
export interface UpdateLogEntry {
  readonly event: UpdateEvent;
  /** The update's name (given to `request`, by default `from->to`). */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly policy: Policy;
  /** The version running once this event happened. */
  readonly version: string;
  /** The tick at whose boundary it happened (`undefined` for outcomes decided between ticks). */
  readonly tick: number | undefined;
  /** When it was logged, ms on the loop's clock. */
  readonly at: number;
  /** Why, for every outcome but a plain commit. */
  readonly reason: string | undefined;
  /** For `rolled-back` and `rollback-failed`: what the watch caught. */
  readonly failure: WatchFailure | undefined;
  /** For `committed` and `rolled-back`. */
  readonly downtime: Downtime | undefined;
  /** For `committed`. */
  readonly preparation: PreparationFigures | undefined;
}
