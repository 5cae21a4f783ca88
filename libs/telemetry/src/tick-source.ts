import type { LoopState, TickRecords } from '@tickswap/control-loop';

/**
 * What telemetry reads of a loop, all of it between ticks: a `TickLoop` is
 * one. Telemetry never subscribes to the loop's ticks: it reads the record
 * ring and the counters off the loop, so a tick costs it nothing.
 *
 * @example
 * const source: TickSource = new TickLoop(phases, { scheduler });
 */
export interface TickSource {
  /** The ring of the last ticks' records. */
  readonly records: TickRecords;
  /** Nominal period, ms. */
  readonly periodMs: number;
  /** The version running. */
  readonly version: number;
  /** Grid periods skipped by overruns since start. */
  readonly missedPeriods: number;
  /** Ticks in which a phase threw, since start. */
  readonly faultedTicks: number;
  readonly state: LoopState;
}
