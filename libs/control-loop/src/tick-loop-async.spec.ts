import { after, virtualLoop } from '../test/virtual-loop';
import { runVirtual } from './run-virtual';
import type { TickLoop } from './tick-loop';
import type { TickRecord } from './tick-record';

const all = (loop: TickLoop): TickRecord[] => loop.records.window(0, Infinity);
const column = <K extends keyof TickRecord>(loop: TickLoop, key: K): TickRecord[K][] => all(loop).map((r) => r[key]);

describe('TickLoop with asynchronous read and write (virtual time)', () => {
  describe('asynchronous read and write', () => {
    it('waits for them, times them, and stays on the grid', async () => {
      const { loop, scheduler, calls } = virtualLoop({
        read: () => after(scheduler, 0.3), // the bus answers 300 µs later
        write: () => after(scheduler, 0.2),
        stopAt: 4,
      });
      loop.start();
      scheduler.flush();
      expect(loop.state).toBe('running'); // tick 0 is waiting for its read
      expect(calls).toEqual(['0:read']);
      await runVirtual(scheduler, loop);
      expect(column(loop, 'actualStart')).toEqual([0, 1, 2, 3, 4]);
      for (const record of all(loop)) {
        expect(record.read).toBeCloseTo(0.3, 9);
        expect(record.update).toBe(0);
        expect(record.write).toBeCloseTo(0.2, 9);
        expect(record.missed).toBe(0);
      }
      expect(calls.slice(0, 4)).toEqual(['0:read', '0:update', '0:write', '0:boundary']);
    });

    it('counts the periods a slow read overran', async () => {
      const { loop, scheduler } = virtualLoop({
        read: (t) => after(scheduler, t.index === 2 ? 1.5 : 0.3),
        write: () => after(scheduler, 0.2),
        stopAt: 4,
      });
      loop.start();
      await runVirtual(scheduler, loop);
      expect(column(loop, 'slot')).toEqual([0, 1, 2, 4, 5]);
      expect(column(loop, 'missed')).toEqual([0, 0, 1, 0, 0]);
    });
  });

  it('ignores a result that is not a promise (a bus outcome) and waits for any thenable', async () => {
    const { loop, scheduler, calls } = virtualLoop({
      read: () => 'ok',
      write: (t) => (t.index === 1 ? { then: (done: () => void) => void after(scheduler, 0.1).then(done) } : 'fault'),
      stopAt: 2,
    });
    loop.start();
    scheduler.flush();
    expect(calls).toEqual(['0:read', '0:update', '0:write', '0:boundary', '1:read', '1:update', '1:write']);
    await runVirtual(scheduler, loop);
    expect(column(loop, 'write')[1]).toBeCloseTo(0.1, 9);
    expect(loop.ticks).toBe(3);
  });
});
