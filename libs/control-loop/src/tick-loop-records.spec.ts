import { advance, after, virtualLoop } from '../test/virtual-loop';
import { runVirtual } from './run-virtual';
import type { TickLoop } from './tick-loop';
import type { TickRecord } from './tick-record';

const all = (loop: TickLoop): TickRecord[] => loop.records.window(0, Infinity);
const column = <K extends keyof TickRecord>(loop: TickLoop, key: K): TickRecord[K][] => all(loop).map((r) => r[key]);

describe('TickLoop records and telemetry (virtual time)', () => {
  describe('records and telemetry', () => {
    it('records the boundary duration as the commit time, and the version that ran each tick', () => {
      const seen: [number, number][] = [];
      const { loop, scheduler } = virtualLoop(
        {
          boundary: (t) => {
            if (t.index === 2) {
              advance(scheduler, 0.25); // a commit
              t.version = 8;
            }
          },
          stopAt: 4,
        },
        { version: 7 },
      );
      loop.ticks$.subscribe((r) => seen.push([r.commit, r.version]));
      loop.start();
      scheduler.flush();
      expect(seen).toEqual([
        [0, 7],
        [0, 7],
        [0.25, 7],
        [0, 8],
        [0, 8],
      ]);
      expect(loop.version).toBe(8);
      expect(loop.statistics()).toMatchObject({ version: 8, commit: { max: 0.25, count: 5 } });
      expect(loop.records.around(2, 1, 1).map((r) => r.commit)).toEqual([0, 0.25, 0]);
    });

    it('keeps the last recordCapacity ticks in the ring', () => {
      const { loop, scheduler } = virtualLoop({ stopAt: 19 }, { recordCapacity: 8 });
      loop.start();
      scheduler.flush();
      expect(loop.records.first).toBe(12);
      expect(column(loop, 'index')).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
      expect(loop.records.around(13, 3, 1).map((r) => r.actualStart)).toEqual([12, 13, 14]);
      expect(loop.histograms.lateness.count).toBe(20);
    });

    it('gives identical records when the same run is made twice', async () => {
      const run = async () => {
        const { loop, scheduler } = virtualLoop({
          read: (t) => (t.index % 3 === 0 ? after(scheduler, 0.4) : undefined),
          update: (t) => {
            if (t.index === 5) advance(scheduler, 1.7);
            if (t.index === 8) throw new Error('boom');
          },
          boundary: (t) => void (t.index === 10 && (t.version = 2)),
          stopAt: 20,
        });
        loop.start();
        await runVirtual(scheduler, loop);
        return { records: all(loop), statistics: loop.statistics() };
      };
      const first = await run();
      expect(first.statistics).toMatchObject({ ticks: 21, faultedTicks: 1, missedPeriods: 1 });
      expect(await run()).toEqual(first);
    });
  });
});
