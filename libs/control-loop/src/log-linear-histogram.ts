import { LoopConfigError } from './loop-config-error';

/** Range and resolution of a {@link LogLinearHistogram}. */
export interface HistogramOptions {
  /** Smallest value told apart from zero (default 1e-4 ms = 0.1 µs). Smaller values share one bucket. */
  readonly lowest?: number;
  /** Values at or above this (rounded up to a power-of-two multiple of `lowest`) share one bucket (default 1000 ms). */
  readonly highest?: number;
  /** Linear buckets per power of two (default 64): a reported value is at most 1/64 above the true one. */
  readonly subBuckets?: number;
}

/**
 * A histogram of a measure in constant memory: each power of two between
 * `lowest` and `highest` is split into `subBuckets` equal buckets (log-linear,
 * like HdrHistogram). Recording allocates nothing; so does reading a
 * percentile. Exact count, minimum, maximum and sum are kept beside it.
 *
 * A percentile reports the upper edge of the bucket holding that rank,
 * clamped to the exact maximum: never below the true value, at most
 * `1 / subBuckets` above it (values under `lowest` report as `lowest`).
 *
 * @example
 * const lateness = new LogLinearHistogram(); // 0.1 µs .. ~1.7 s, in ms
 * lateness.record(0.012);
 * lateness.percentile(0.99); // ~0.012
 */
export class LogLinearHistogram {
  readonly lowest: number;
  readonly highest: number;
  readonly subBuckets: number;
  private readonly octaves: number;
  private readonly counts: Float64Array;
  private total = 0;
  private smallest = Number.POSITIVE_INFINITY;
  private largest = Number.NEGATIVE_INFINITY;
  private added = 0;

  constructor(options: HistogramOptions = {}) {
    const { lowest = 1e-4, highest = 1e3, subBuckets = 64 } = options;
    if (!(lowest > 0) || !(highest > lowest) || !Number.isInteger(subBuckets) || subBuckets < 1) {
      throw new LoopConfigError(
        `LogLinearHistogram#constructor failed: need 0 < lowest < highest and an integer subBuckets >= 1, ` +
          `got lowest ${lowest}, highest ${highest}, subBuckets ${subBuckets}`,
      );
    }
    this.lowest = lowest;
    this.subBuckets = subBuckets;
    this.octaves = Math.ceil(Math.log2(highest / lowest));
    this.highest = lowest * 2 ** this.octaves;
    // [under lowest] [octaves * subBuckets linear buckets] [at or above highest]
    this.counts = new Float64Array(this.octaves * subBuckets + 2);
  }

  /** Values recorded. */
  get count(): number {
    return this.total;
  }

  /** Smallest value recorded (`NaN` when empty). */
  get min(): number {
    return this.total === 0 ? Number.NaN : this.smallest;
  }

  /** Largest value recorded (`NaN` when empty). */
  get max(): number {
    return this.total === 0 ? Number.NaN : this.largest;
  }

  /** Mean of the values recorded (`NaN` when empty). */
  get mean(): number {
    return this.total === 0 ? Number.NaN : this.added / this.total;
  }

  /** Counts one value; `NaN` (a phase that did not run) is ignored. Runs every tick: allocates nothing, O(1). */
  record(value: number): void {
    if (value !== value) return;
    this.total += 1;
    this.added += value;
    if (value < this.smallest) this.smallest = value;
    if (value > this.largest) this.largest = value;
    (this.counts[this.bucketOf(value)] as number) += 1;
  }

  /**
   * The value at rank `p` (0..1, nearest rank): `percentile(0.99)` is p99.
   * `NaN` when empty. Allocates nothing; walks the buckets (about 1 500), so
   * read it for telemetry, not in a phase.
   */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    if (p >= 1) return this.largest;
    const rank = Math.max(1, Math.ceil(p * this.total));
    const counts = this.counts;
    let seen = 0;
    let bucket = 0;
    for (; bucket < counts.length - 1; bucket++) {
      seen += counts[bucket] as number;
      if (seen >= rank) break;
    }
    const edge = this.upperEdge(bucket);
    return edge < this.largest ? (edge > this.smallest ? edge : this.smallest) : this.largest;
  }

  /** Forgets every value. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.added = 0;
    this.smallest = Number.POSITIVE_INFINITY;
    this.largest = Number.NEGATIVE_INFINITY;
  }

  private bucketOf(value: number): number {
    if (!(value >= this.lowest)) return 0;
    if (value >= this.highest) return this.counts.length - 1;
    const ratio = value / this.lowest;
    let octave = Math.floor(Math.log2(ratio));
    let mantissa = ratio / 2 ** octave;
    // Math.log2 may round across a power of two: bring the mantissa into [1, 2).
    if (mantissa >= 2) {
      octave += 1;
      mantissa /= 2;
    } else if (mantissa < 1) {
      octave -= 1;
      mantissa *= 2;
    }
    const sub = Math.min(this.subBuckets - 1, Math.floor((mantissa - 1) * this.subBuckets));
    return 1 + octave * this.subBuckets + sub;
  }

  private upperEdge(bucket: number): number {
    if (bucket === 0) return this.lowest;
    if (bucket === this.counts.length - 1) return this.largest;
    const octave = Math.floor((bucket - 1) / this.subBuckets);
    const sub = (bucket - 1) % this.subBuckets;
    return this.lowest * 2 ** octave * (1 + (sub + 1) / this.subBuckets);
  }
}
