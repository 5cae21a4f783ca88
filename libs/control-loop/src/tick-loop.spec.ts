import { map, VirtualTimeScheduler } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { advance, after, idlePhases, virtualLoop } from '../test/virtual-loop';
import { runVirtual } from './run-virtual';
import { TickLoop } from './tick-loop';
import { TickPhaseError } from './tick-phase-error';
import type { TickPhases } from './tick-phases';
import type { TickRecord } from './tick-record';

const all = (loop: TickLoop): TickRecord[] => loop.records.window(0, Infinity);
const column = <K extends keyof TickRecord>(loop: TickLoop, key: K): TickRecord[K][] => all(loop).map((r) => r[key]);

describe('TickLoop on virtual time', () => {
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
      expect(errors[0]).toMatchObject({ phase: 'update', tick: 2, message: 'tick 2: update failed: torque is NaN' });
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

  describe('stop', () => {
    it('between ticks: resolves, and no tick runs after', async () => {
      const { loop, scheduler } = virtualLoop();
      loop.start();
      scheduler.maxFrames = 3;
      scheduler.flush();
      await loop.stop();
      scheduler.maxFrames = Infinity;
      scheduler.flush();
      expect(loop.ticks).toBe(4);
      expect(loop.state).toBe('stopped');
      expect(await loop.stopped).toBe('requested');
    });

    it('during an asynchronous read: resolves only after that tick has finished', async () => {
      let answer!: () => void;
      const { loop, scheduler, calls } = virtualLoop({
        read: (t) => (t.index === 1 ? new Promise<void>((resolve) => (answer = resolve)) : undefined),
      });
      loop.start();
      scheduler.flush(); // tick 0, then tick 1 waits for its read
      let resolved = false;
      const stopping = loop.stop().then(() => (resolved = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(resolved).toBe(false);
      expect(loop.state).toBe('stopping');
      answer();
      await stopping;
      expect(calls.slice(-4)).toEqual(['1:read', '1:update', '1:write', '1:boundary']);
      scheduler.flush();
      expect(loop.ticks).toBe(2);
    });

    it('from a phase: that tick completes and is recorded, then ticks$ completes', () => {
      const slots: number[] = [];
      let completed = false;
      const { loop, scheduler, calls } = virtualLoop({ update: (t) => t.index === 2 && void loop.stop() });
      loop.ticks$.subscribe({ next: (r) => slots.push(r.slot), complete: () => (completed = true) });
      loop.start();
      scheduler.flush();
      expect(calls.slice(-2)).toEqual(['2:write', '2:boundary']);
      expect(slots).toEqual([0, 1, 2]);
      expect(completed).toBe(true);
    });

    it('before start resolves; a loop runs once', async () => {
      const { loop } = virtualLoop();
      await loop.stop();
      expect(() => loop.start()).toThrow('cannot start a loop that is stopped');
      const other = virtualLoop().loop;
      other.start();
      expect(() => other.start()).toThrow('cannot start a loop that is running');
      await other.stop();
    });
  });

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

  it('runs under TestScheduler.run (marbles)', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ expectObservable }) => {
      const phases: TickPhases = { ...idlePhases(), boundary: (t) => void (t.index === 3 && loop.stop()) };
      const loop = new TickLoop(phases, { scheduler: testScheduler });
      expectObservable(loop.ticks$.pipe(map((r) => 'abcd'[r.slot]))).toBe('abc(d|)');
      loop.start();
    });
  });

  it('rejects a nonsensical rate or fault limit', () => {
    const scheduler = new VirtualTimeScheduler();
    const phases = idlePhases();
    expect(() => new TickLoop(phases, { scheduler, rateHz: 0 })).toThrow(RangeError);
    expect(() => new TickLoop(phases, { scheduler, maxConsecutiveFaults: 0 })).toThrow(RangeError);
  });
});
