import { virtualLoop } from '../test/virtual-loop';
import { runVirtual } from './run-virtual';
import type { TickLoop } from './tick-loop';
import { TickPhaseError } from './tick-phase-error';
import type { TickRecord } from './tick-record';

const all = (loop: TickLoop): TickRecord[] => loop.records.window(0, Infinity);
const column = <K extends keyof TickRecord>(loop: TickLoop, key: K): TickRecord[K][] => all(loop).map((r) => r[key]);

describe('TickLoop faults (virtual time)', () => {
  describe('faults', () => {
    it('faults the tick of a throwing update, skips its write, runs its boundary, and goes on', () => {
      const errors: TickPhaseError[] = [];
      const { loop, scheduler, calls } = virtualLoop({
        update: (t) => {
          if (t.index === 2) throw new Error('torque is NaN');
        },
        stopAt: 4,
      });
      loop.errors$.subscribe((error) => errors.push(error));
      loop.start();
      scheduler.flush();
      expect(calls.filter((c) => c.startsWith('2:'))).toEqual(['2:read', '2:update', '2:boundary']);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(TickPhaseError);
      expect(errors[0]).toMatchObject({ phase: 'update', tick: 2, name: 'TickPhaseError' });
      expect(errors[0]?.message).toMatch(/^TickPhases#update failed in tick 2: torque is NaN\. /);
      expect((errors[0]?.cause as Error).message).toBe('torque is NaN');
      expect(loop.lastError).toBe(errors[0]);
      expect(column(loop, 'faulted')).toEqual([false, false, true, false, false]);
      expect(all(loop)[2]?.write).toBeNaN();
      expect(loop.faultedTicks).toBe(1);
      expect(loop.ticks).toBe(5);
      expect(loop.histograms.write.count).toBe(4);
    });

    it('faults the tick of a rejected read (update and write skipped) or a throwing write or boundary', async () => {
      const errors: TickPhaseError[] = [];
      const { loop, scheduler, calls } = virtualLoop({
        read: (t) => (t.index === 1 ? Promise.reject(new Error('bus timeout')) : undefined),
        write: (t) => {
          if (t.index === 2) throw new Error('write');
        },
        boundary: (t) => {
          if (t.index === 3) throw new Error('commit');
        },
        stopAt: 4,
      });
      loop.errors$.subscribe((error) => errors.push(error));
      loop.start();
      await runVirtual(scheduler, loop);
      expect(calls.filter((c) => c.startsWith('1:'))).toEqual(['1:read', '1:boundary']);
      expect(errors.map((e) => [e.tick, e.phase])).toEqual([
        [1, 'read'],
        [2, 'write'],
        [3, 'boundary'],
      ]);
      expect(column(loop, 'faulted')).toEqual([false, true, true, true, false]);
      expect(await loop.stopped).toBe('requested');
    });

    it('stops by itself after maxConsecutiveFaults faulted ticks in a row', async () => {
      let completed = false;
      const { loop, scheduler, calls } = virtualLoop(
        {
          update: () => {
            throw new Error('always');
          },
        },
        { maxConsecutiveFaults: 3 },
      );
      loop.errors$.subscribe({ complete: () => (completed = true) });
      loop.start();
      scheduler.flush();
      expect(loop.state).toBe('stopped');
      expect(await loop.stopped).toBe('fault-limit');
      expect(loop.ticks).toBe(3);
      expect(calls.filter((c) => c.endsWith(':boundary'))).toHaveLength(3);
      expect(completed).toBe(true);
    });

    it('keeps going through intermittent faults', () => {
      const { loop, scheduler } = virtualLoop(
        {
          read: (t) => {
            if (t.index % 2 === 0) throw new Error('every other tick');
          },
          stopAt: 99,
        },
        { maxConsecutiveFaults: 2 },
      );
      loop.start();
      scheduler.flush();
      expect(loop.ticks).toBe(100);
      expect(loop.faultedTicks).toBe(50);
    });
  });
});
