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

/**
 * Where the robot's time went for one patch, ms on its monotonic clock: the
 * split of publish -> outcome that is not transport. The wait for a boundary
 * is `commitMs - downtime.boundaryMs`.
 */
export interface StageTimings {
  /** From the message's arrival to the start of verification: reading the payload, waiting behind other patches. */
  readonly queuedMs: number;
  /** Signature, digest, version checks and loading the code. */
  readonly verifyMs: number;
  /** The simulator gate, as the agent waited for it. */
  readonly gateMs: number;
  /** From the commit request to the end of the boundary that swapped: preparation in the slack, the wait for a boundary, the swap. */
  readonly commitMs: number;
  /** From the swap to the outcome: the watched ticks after it. */
  readonly watchMs: number;
}

/** Checks {@link GateFigures}. */
export const gateFiguresCheck: Check<GateFigures> = shape({ ticks: count, elapsedMs: figure, metrics: mapOf(nullable(figure), 64) });

/** Checks {@link StageTimings}. */
export const stageTimingsCheck: Check<StageTimings> = shape({ queuedMs: figure, verifyMs: figure, gateMs: figure, commitMs: figure, watchMs: figure });

/** Checks {@link DowntimeFigures}. */
export const downtimeCheck: Check<DowntimeFigures> = shape({ boundaryMs: figure, latenessMs: nullable(figure), missedTicks: count });
