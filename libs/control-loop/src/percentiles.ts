import type { LogLinearHistogram } from './log-linear-histogram';

/** Summary of one measure (ms): count, extremes, mean and the percentiles telemetry shows. */
export interface Percentiles {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/**
 * Reads a histogram's summary into a new object (allocates: call it when
 * telemetry asks, not per tick).
 *
 * @example
 * readPercentiles(loop.histograms.lateness).p99; // ms
 */
export function readPercentiles(histogram: LogLinearHistogram): Percentiles {
  return {
    count: histogram.count,
    min: histogram.min,
    mean: histogram.mean,
    p50: histogram.percentile(0.5),
    p99: histogram.percentile(0.99),
    p999: histogram.percentile(0.999),
    max: histogram.max,
  };
}
