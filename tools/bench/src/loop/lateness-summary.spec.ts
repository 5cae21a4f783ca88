import { summariseLateness } from './lateness-summary';

describe('summariseLateness', () => {
  it('gives exact nearest-rank percentiles in µs of lateness given in ms, and CPU in % of a core', () => {
    const ms = Array.from({ length: 1000 }, (_, k) => (k + 1) / 1000); // 1 .. 1000 µs
    expect(summariseLateness(ms, 3, { cpuMs: 420, wallMs: 1000, preemptions: 7 })).toEqual({
      ticks: 1000,
      p50: 500,
      p99: 990,
      p999: 999,
      max: 1000,
      missed: 3,
      cpu: 42,
      preemptions: 7,
    });
  });

  it('reports NaN figures for an empty sample', () => {
    expect(summariseLateness([], 0, { cpuMs: 0, wallMs: 1, preemptions: 0 }).p99).toBeNaN();
  });
});
