import { formatBound, sampleLine } from './prometheus-text';

/**
 * A Prometheus histogram: cumulative bucket counts, sum and count of the
 * observations (seconds, by convention). Observed off the loop.
 *
 * @example
 * const lateness = new PrometheusHistogram([0.00001, 0.0001, 0.001]);
 * lateness.observe(0.000004);
 * lateness.samples('tickswap_tick_lateness_seconds'); // [..._bucket{le="0.00001"} 1, ...]
 */
export class PrometheusHistogram {
  private readonly counts: Float64Array;
  private total = 0;
  private sum = 0;

  /** `bounds`: the buckets' upper bounds, ascending; `+Inf` is added. */
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  /** Observations so far. */
  get count(): number {
    return this.total;
  }

  /** Counts one observation (NaN is ignored). */
  observe(value: number): void {
    if (value !== value) return;
    let bucket = 0;
    while (bucket < this.bounds.length && value > (this.bounds[bucket] as number)) bucket++;
    (this.counts[bucket] as number) += 1;
    this.total += 1;
    this.sum += value;
  }

  /** The sample lines of the histogram `name`: `_bucket` (cumulative, `le` last `+Inf`), `_sum`, `_count`. */
  samples(name: string, labels: Readonly<Record<string, string>> = {}): string[] {
    const lines: string[] = [];
    let cumulative = 0;
    for (let bucket = 0; bucket <= this.bounds.length; bucket++) {
      cumulative += this.counts[bucket] as number;
      const le = bucket < this.bounds.length ? formatBound(this.bounds[bucket] as number) : '+Inf';
      lines.push(sampleLine(`${name}_bucket`, { ...labels, le }, cumulative));
    }
    lines.push(sampleLine(`${name}_sum`, labels, this.sum), sampleLine(`${name}_count`, labels, this.total));
    return lines;
  }
}
