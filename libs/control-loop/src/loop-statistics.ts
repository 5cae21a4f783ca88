import type { Percentiles } from './percentiles';
import type { LoopState } from './tick-loop-options';

/** A snapshot of a loop's counters and timing for telemetry (times in ms). */
export interface LoopStatistics {
  readonly state: LoopState;
  readonly periodMs: number;
  /** The version running. */
  readonly version: number;
  /** Ticks run. */
  readonly ticks: number;
  /** Grid periods skipped by overruns. */
  readonly missedPeriods: number;
  /** Ticks that ended after the next deadline (each skipped one period or more). */
  readonly overrunTicks: number;
  /** Ticks in which a phase threw or rejected. */
  readonly faultedTicks: number;
  readonly lateness: Percentiles;
  readonly read: Percentiles;
  readonly update: Percentiles;
  readonly write: Percentiles;
  /** The boundary, where updates commit. */
  readonly commit: Percentiles;
  /** Actual start to end of boundary. */
  readonly total: Percentiles;
}
