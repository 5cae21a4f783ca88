import fc from 'fast-check';
import { LoopConfigError } from './loop-config-error';
import { LogLinearHistogram } from './log-linear-histogram';
import { readPercentiles } from './percentiles';

/** Exact nearest-rank percentile of a sample. */
function exact(sample: readonly number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

describe('LogLinearHistogram', () => {
  it('reads percentiles of a known sample within one sub-bucket above the true value', () => {
    const histogram = new LogLinearHistogram();
    const sample: number[] = [];
    for (let us = 1; us <= 10_000; us++) sample.push(us / 1000); // 1 µs .. 10 ms, in ms
    for (const value of sample) histogram.record(value);
    for (const p of [0.5, 0.9, 0.99, 0.999]) {
      const truth = exact(sample, p);
      expect(histogram.percentile(p)).toBeGreaterThanOrEqual(truth);
      expect(histogram.percentile(p)).toBeLessThanOrEqual(truth * (1 + 1 / 64));
    }
    expect(histogram.percentile(0.5)).toBeCloseTo(5, 1);
    expect(histogram.count).toBe(10_000);
    expect(histogram.min).toBe(0.001);
    expect(histogram.max).toBe(10);
    expect(histogram.mean).toBeCloseTo(5.0005, 9);
    expect(histogram.percentile(1)).toBe(10);
  });

  it('holds the bound for any sample and rank (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-4, max: 999, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sample, p) => {
          const histogram = new LogLinearHistogram();
          for (const value of sample) histogram.record(value);
          const truth = exact(sample, p);
          const read = histogram.percentile(p);
          return read >= truth && read <= truth * (1 + 1 / 64) + 1e-12;
        },
      ),
    );
  });

  it('puts values under 0.1 µs (zero, negative) and over the top in their own buckets', () => {
    const histogram = new LogLinearHistogram();
    histogram.record(0);
    histogram.record(0);
    histogram.record(-0.5);
    expect(histogram.percentile(0.5)).toBe(0); // clamped to the exact maximum
    histogram.record(5000);
    expect(histogram.percentile(1)).toBe(5000);
    expect(histogram.percentile(0.99)).toBe(5000);
    expect(histogram.percentile(0.5)).toBe(1e-4);
    expect(histogram.min).toBe(-0.5);
  });

  it('ignores NaN (a phase that did not run), reports NaN when empty, and resets', () => {
    const histogram = new LogLinearHistogram();
    histogram.record(Number.NaN);
    expect(histogram.count).toBe(0);
    expect(readPercentiles(histogram)).toEqual({
      count: 0,
      min: Number.NaN,
      mean: Number.NaN,
      p50: Number.NaN,
      p99: Number.NaN,
      p999: Number.NaN,
      max: Number.NaN,
    });
    histogram.record(0.02);
    expect(readPercentiles(histogram)).toMatchObject({ count: 1, min: 0.02, max: 0.02, p50: 0.02, p999: 0.02 });
    histogram.reset();
    expect(histogram.count).toBe(0);
    expect(histogram.percentile(0.5)).toBeNaN();
  });

  it('covers 0.1 µs to at least 1 s and rejects a nonsensical range', () => {
    const histogram = new LogLinearHistogram();
    expect(histogram.lowest).toBe(1e-4);
    expect(histogram.highest).toBeGreaterThanOrEqual(1000);
    expect(() => new LogLinearHistogram({ lowest: 1, highest: 1 })).toThrow(LoopConfigError);
    expect(() => new LogLinearHistogram({ subBuckets: 0 })).toThrow(LoopConfigError);
  });
});
