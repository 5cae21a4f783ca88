import { VirtualTimeScheduler, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { idlePhases, virtualLoop } from '../test/virtual-loop';
import { LoopConfigError } from './loop-config-error';
import { LoopUsageError } from './loop-usage-error';
import { runVirtual } from './run-virtual';
import { TickLoop } from './tick-loop';
import type { TickPhases } from './tick-phases';

describe('TickLoop start and stop (virtual time)', () => {
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
      expect(() => loop.start()).toThrow(LoopUsageError);
      expect(() => loop.start()).toThrow('TickLoop#start failed: the loop is stopped');
      const other = virtualLoop().loop;
      other.start();
      expect(() => other.start()).toThrow('TickLoop#start failed: the loop is running');
      await other.stop();
      await expect(runVirtual(new VirtualTimeScheduler(), virtualLoop().loop)).rejects.toThrow(LoopUsageError);
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
    expect(() => new TickLoop(phases, { scheduler, rateHz: 0 })).toThrow(LoopConfigError);
    expect(() => new TickLoop(phases, { scheduler, maxConsecutiveFaults: 0 })).toThrow(LoopConfigError);
  });
});
