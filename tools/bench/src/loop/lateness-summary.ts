import { percentile } from '../statistics';
import type { Usage } from './usage-meter';

/** Tick-start lateness of one timing source, in µs, with the CPU it took. */
export interface LatenessSummary {
  readonly ticks: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  /** Grid periods skipped (the loop); 0 for a source without a grid of its own. */
  readonly missed: number;
  /** CPU over wall time, in percent of one core. */
  readonly cpu: number;
  /** Involuntary context switches while measuring. */
  readonly preemptions: number;
}

/**
 * Summarises a sample of lateness values given in ms (exact nearest-rank percentiles, in µs).
 *
 * @example
 * summariseLateness([0.004, 0.006], 0, { cpuMs: 995, wallMs: 1000, preemptions: 3 }).p50; // 4
 */
export function summariseLateness(latenessMs: ArrayLike<number>, missed: number, usage: Usage): LatenessSummary {
  const micros = Float64Array.from(latenessMs, (ms) => ms * 1000);
  return {
    ticks: micros.length,
    p50: percentile(micros, 0.5),
    p99: percentile(micros, 0.99),
    p999: percentile(micros, 0.999),
    max: percentile(micros, 1),
    missed,
    cpu: (usage.cpuMs / usage.wallMs) * 100,
    preemptions: usage.preemptions,
  };
}
