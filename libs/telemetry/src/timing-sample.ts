import type { TimingFigures } from './telemetry-messages';
import { toMicros } from './tick-measures';

/**
 * The values of one measure over an interval, in a preallocated buffer, for
 * exact percentiles: the loop's histograms count since start, an interval's
 * figures need that interval's values alone. Filled and read off the loop.
 *
 * @example
 * const lateness = new TimingSample(4096);
 * lateness.add(0.004); // ms
 * lateness.figures(); // { p50: 4, p99: 4, max: 4 } (µs)
 */
export class TimingSample {
  private readonly values: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  /** Values held. */
  get count(): number {
    return this.size;
  }

  /** Adds a value (ms); beyond the capacity values are ignored (the capacity is the ring's: no more can be read per interval). */
  add(ms: number): void {
    if (this.size < this.values.length) this.values[this.size++] = ms;
  }

  /** Nearest-rank p50, p99 and the maximum, µs; `null` when empty. Sorts the values in place. */
  figures(): TimingFigures | null {
    if (this.size === 0) return null;
    const sorted = this.values.subarray(0, this.size).sort();
    const rank = (p: number): number => toMicros(sorted[Math.max(0, Math.ceil(p * this.size) - 1)] as number);
    return { p50: rank(0.5), p99: rank(0.99), max: toMicros(sorted[this.size - 1] as number) };
  }

  /** Empties it for the next interval. */
  reset(): void {
    this.size = 0;
  }
}
