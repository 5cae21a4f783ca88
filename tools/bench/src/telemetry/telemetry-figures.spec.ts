import { NO_USAGE } from '../loop/usage-meter';
import type { RoundFigures } from './measure-round';
import { pooledFigures, ratioRow, roundRatios, type Configuration } from './telemetry-figures';

/** A round whose ticks all have the same lateness and compute time (ms), but one slow tick. */
const round = (latenessMs: number, computeMs: number, slowMs = 0): RoundFigures => ({
  lateness: Array.from({ length: 100 }, (_, k) => (k === 0 ? slowMs || latenessMs : latenessMs)),
  compute: Array.from({ length: 100 }, () => computeMs),
  missed: 1,
  usage: NO_USAGE,
  stack: { statistics: 1, windows: 1, recordedMessages: 10, recordedBytes: 1000, streamEvents: 2, dropped: 0 },
});
const configuration = (name: string, rounds: RoundFigures[]): Configuration => ({ name, telemetry: undefined, rounds });

describe('telemetry suite figures', () => {
  it('pools percentiles over every tick of every round, in µs, and sums what telemetry did', () => {
    const pooled = pooledFigures(configuration('on', [round(0.001, 0.002), round(0.003, 0.004, 0.5)]));
    expect([pooled.lateness.p50, pooled.lateness.max, pooled.compute.p50, pooled.compute.max]).toEqual([1, 500, 2, 4]);
    expect(pooled.stack).toEqual({ statistics: 2, windows: 2, recordedMessages: 20, recordedBytes: 2000, streamEvents: 4, dropped: 0 });
    expect(pooled.row.slice(0, 2)).toEqual(['on', '1.0']);
    expect(pooled.row.at(-3)).toBe('2');
  });

  it('gives round-by-round p99 ratios, their median and range', () => {
    const off = configuration('off', [round(0.001, 0.002), round(0.001, 0.002), round(0.001, 0.002)]);
    const on = configuration('on', [round(0.001, 0.002), round(0.002, 0.002), round(0.004, 0.002)]);
    expect(roundRatios(on, off, 'lateness')).toEqual({ median: 2, min: 1, max: 4 });
    expect(roundRatios(on, off, 'compute')).toEqual({ median: 1, min: 1, max: 1 });
    expect(ratioRow('on / off', pooledFigures(on), pooledFigures(off)).slice(0, 3)).toEqual(['on / off', '2.00×', '4.00×']);
  });
});
