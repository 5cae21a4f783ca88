import { SampleRing } from './sample-ring';
import { TelemetryConfigError } from './telemetry-config-error';

const drained = (ring: SampleRing) => {
  const rows: number[][] = [];
  ring.drain((tick, timeMs, at) => rows.push([tick, timeMs, ring.data[at] as number]));
  return rows;
};
const claimEvery = (ring: SampleRing, ticks: number, periodMs: number, lateMs = (_: number) => 0) => {
  for (let index = 0; index < ticks; index++) {
    const at = ring.claim({ index, actualStart: index * periodMs + lateMs(index) });
    if (at >= 0) ring.data[at] = index * 2;
  }
};

describe('SampleRing', () => {
  it('samples at most rateHz on the loop clock, on a grid that late ticks do not shift', () => {
    const ring = new SampleRing(1, { rateHz: 100, capacity: 64 });
    claimEvery(ring, 50, 1, (index) => (index === 20 ? 0.4 : 0));
    expect(drained(ring)).toEqual([
      [0, 0, 0],
      [10, 10, 20],
      [20, 20.4, 40],
      [30, 30, 60],
      [40, 40, 80],
    ]);
    expect(drained(ring)).toEqual([]);
  });

  it('samples again at once after a gap longer than its period', () => {
    const ring = new SampleRing(1, { rateHz: 100, capacity: 64 });
    claimEvery(ring, 4, 25);
    expect(drained(ring).map(([tick]) => tick)).toEqual([0, 1, 2, 3]);
  });

  it('overwrites the oldest rows when not drained in time, and counts them', () => {
    const ring = new SampleRing(1, { rateHz: 1000, capacity: 3 });
    claimEvery(ring, 5, 1);
    expect(drained(ring).map(([tick]) => tick)).toEqual([2, 3, 4]);
    expect(ring.lost).toBe(2);
  });

  it.each([
    [{ rateHz: 0, capacity: 1 }, /rateHz must be a positive number of samples per second, got 0/],
    [{ rateHz: 100, capacity: 0 }, /capacity must be an integer >= 1 \(rows kept until read\), got 0/],
  ])('refuses %p', (options, message) => {
    expect(() => new SampleRing(1, options)).toThrow(TelemetryConfigError);
    expect(() => new SampleRing(1, options)).toThrow(message);
  });
});
