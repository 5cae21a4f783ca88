import { count, figure, mapOf, nullable, shape, type Check } from './schema';

/**
 * What the gate measured on the simulator that ran the candidate from a copy
 * of the live state (the `validated` result).
 */
export interface GateFigures {
  /** Simulated ticks the candidate ran. */
  readonly ticks: number;
  /** Wall-clock time the gate took, ms. */
  readonly elapsedMs: number;
  /** Named measurements of the gate (tracking error, worst tick...); `null` when not measurable. */
  readonly metrics: Readonly<Record<string, number | null>>;
}

/** What a commit or rollback cost the loop, from its own tick records. */
export interface DowntimeFigures {
  /** Duration of the boundary that swapped, ms. */
  readonly boundaryMs: number;
  /** Lateness of the tick after it, ms; `null` if the loop stopped first. */
  readonly latenessMs: number | null;
  /** Grid periods skipped because the swapping tick ended late. */
  readonly missedTicks: number;
}

/** Checks {@link GateFigures}. */
export const gateFiguresCheck: Check<GateFigures> = shape({ ticks: count, elapsedMs: figure, metrics: mapOf(nullable(figure), 64) });

/** Checks {@link DowntimeFigures}. */
export const downtimeCheck: Check<DowntimeFigures> = shape({ boundaryMs: figure, latenessMs: nullable(figure), missedTicks: count });
