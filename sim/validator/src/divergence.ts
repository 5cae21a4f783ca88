import type { GateSignal } from './gate-checks';
import type { Divergence, Extreme } from './gate-verdict';
import { signalOf, type RunPair } from './signals';

/**
 * The largest absolute value of `values` (NaN skipped) and the time of its
 * first occurrence at `rateHz`; 0 at 0 s for an empty signal.
 *
 * @example
 * extreme(Float64Array.of(0, -3, 2), 1000); // { max: 3, atS: 0.001 }
 */
export function extreme(values: Float64Array, rateHz: number): Extreme {
  let max = 0;
  let at = 0;
  values.forEach((value, k) => {
    if (Math.abs(value) > max) {
      max = Math.abs(value);
      at = k;
    }
  });
  return { max, atS: at / rateHz };
}

/**
 * How far the candidate drifted from the shadow over the ticks both ran:
 * the largest pose distance, heading difference and command difference.
 *
 * @example
 * divergenceOf({ candidate, shadow }).poseM; // { max: 0.012, atS: 7.4 }
 */
export function divergenceOf(runs: RunPair): Divergence {
  const of = (signal: GateSignal) => extreme(signalOf(signal, runs, undefined), runs.candidate.rateHz);
  return { poseM: of('pose-divergence'), headingRad: of('heading-divergence'), commandRadPerS: of('command-divergence') };
}
