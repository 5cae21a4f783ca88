import { LogLinearHistogram } from './log-linear-histogram';

/** One histogram per measure of a tick (ms), from the loop's start on. */
export interface TickHistograms {
  /** Actual start minus scheduled start. */
  readonly lateness: LogLinearHistogram;
  readonly read: LogLinearHistogram;
  readonly update: LogLinearHistogram;
  readonly write: LogLinearHistogram;
  /** The boundary's duration. */
  readonly commit: LogLinearHistogram;
  /** From actual start to the end of the boundary. */
  readonly total: LogLinearHistogram;
}

/**
 * Fresh histograms for every measure of a tick (0.1 µs .. ~1.7 s).
 *
 * @example
 * const histograms = createTickHistograms();
 * histograms.lateness.record(0.004);
 */
export function createTickHistograms(): TickHistograms {
  return {
    lateness: new LogLinearHistogram(),
    read: new LogLinearHistogram(),
    update: new LogLinearHistogram(),
    write: new LogLinearHistogram(),
    commit: new LogLinearHistogram(),
    total: new LogLinearHistogram(),
  };
}
