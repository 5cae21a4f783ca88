import { advance, virtualLoop } from '../test/virtual-loop';
import type { TickLoop } from './tick-loop';
import type { TickRecord } from './tick-record';

const all = (loop: TickLoop): TickRecord[] => loop.records.window(0, Infinity);
const column = <K extends keyof TickRecord>(loop: TickLoop, key: K): TickRecord[K][] => all(loop).map((r) => r[key]);

describe('TickLoop grid and overrun policy (virtual time)', () => {
  describe('grid', () => {
    it('starts tick k at exactly t0 + k * period, phases in order, dt in seconds', () => {
      const dts: number[] = [];
      const { loop, scheduler, calls } = virtualLoop({ update: (t) => void dts.push(t.dt), stopAt: 9 });
      scheduler.frame = 100;
      loop.start();
      scheduler.flush(); // synchronous phases: every tick ran inside flush(), no promise involved
      expect(loop.state).toBe('stopped');
      expect(column(loop, 'scheduledStart')).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
      expect(column(loop, 'actualStart')).toEqual(column(loop, 'scheduledStart'));
      expect(column(loop, 'slot')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(column(loop, 'missed').every((m) => m === 0)).toBe(true);
      expect(dts).toEqual(Array(10).fill(0.001));
      expect(calls.slice(0, 8)).toEqual(['0:read', '0:update', '0:write', '0:boundary', '1:read', '1:update', '1:write', '1:boundary']);
      expect(loop.histograms.lateness.max).toBe(0);
    });

    it('computes deadlines from the origin, without accumulating rounding (400 Hz, 10 000 ticks)', () => {
      const { loop, scheduler } = virtualLoop({ stopAt: 9999 }, { rateHz: 400, recordCapacity: 16 });
      loop.start();
      scheduler.flush();
      expect(loop.periodMs).toBe(2.5);
      expect(loop.ticks).toBe(10_000);
      expect(column(loop, 'scheduledStart')).toEqual([9984, 9985, 9986, 9987, 9988, 9989, 9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999].map((k) => k * 2.5));
      expect(loop.missedPeriods).toBe(0);
    });
  });

  describe('overrun policy', () => {
    it('skips and counts the periods a slow tick overran, never queues them, keeps the grid', () => {
      const { loop, scheduler, calls } = virtualLoop({
        update: (t) => t.index === 3 && advance(scheduler, 2.5), // tick 3 takes 2.5 periods
        stopAt: 6,
      });
      loop.start();
      scheduler.flush();
      expect(column(loop, 'slot')).toEqual([0, 1, 2, 3, 6, 7, 8]);
      expect(column(loop, 'scheduledStart')).toEqual([0, 1, 2, 3, 6, 7, 8]);
      expect(column(loop, 'actualStart')).toEqual([0, 1, 2, 3, 6, 7, 8]);
      expect(column(loop, 'missed')).toEqual([0, 0, 0, 2, 0, 0, 0]);
      expect(column(loop, 'update')).toEqual([0, 0, 0, 2.5, 0, 0, 0]);
      expect(loop.missedPeriods).toBe(2);
      expect(calls.filter((c) => c.endsWith(':read'))).toHaveLength(7); // slots 4 and 5 never ran
      expect(loop.statistics()).toMatchObject({ ticks: 7, missedPeriods: 2, overrunTicks: 1, faultedTicks: 0 });
      expect(loop.statistics().update.max).toBe(2.5);
      expect(loop.statistics().total.max).toBe(2.5);
    });

    it('runs a late tick late, counts the periods it overran, and returns to the grid', () => {
      const dts: number[] = [];
      const { loop, scheduler } = virtualLoop({ update: (t) => void dts.push(t.dt), stopAt: 5 });
      // Something else holds the event loop for 2.5 ms after tick 2: tick 3 starts 1.5 ms late.
      loop.ticks$.subscribe((record) => record.index === 2 && advance(scheduler, 2.5));
      loop.start();
      scheduler.flush();
      expect(column(loop, 'slot')).toEqual([0, 1, 2, 3, 5, 6]);
      expect(column(loop, 'actualStart')).toEqual([0, 1, 2, 4.5, 5, 6]);
      expect(column(loop, 'missed')).toEqual([0, 0, 0, 1, 0, 0]);
      expect(loop.histograms.lateness.max).toBe(1.5);
      expect(dts[3]).toBeCloseTo(0.0025, 12);
      expect(dts[4]).toBeCloseTo(0.0005, 12);
    });

    it('treats a tick that ends exactly on the next deadline as in time', () => {
      const { loop, scheduler } = virtualLoop({ write: (t) => void (t.index === 1 && advance(scheduler, 1)), stopAt: 3 });
      loop.start();
      scheduler.flush();
      expect(column(loop, 'actualStart')).toEqual([0, 1, 2, 3]);
      expect(column(loop, 'write')).toEqual([0, 1, 0, 0]);
      expect(loop.missedPeriods).toBe(0);
    });
  });
});
