import { interval, take, toArray, firstValueFrom, type SchedulerAction } from 'rxjs';
import { idlePhases } from '../test/virtual-loop';
import { LoopConfigError } from './loop-config-error';
import { PreciseScheduler } from './precise-scheduler';
import { TickLoop } from './tick-loop';
import { TIMING_MODES, type TimingMode } from './timing-modes';

// Real time: these tests check behaviour, never timing figures (the machine is shared).
describe('PreciseScheduler (real time)', () => {
  it('never runs work before its deadline, and not synchronously', async () => {
    const scheduler = new PreciseScheduler();
    const delays = [0, 0.3, 1, 2.5, 4];
    const ran = await Promise.all(
      delays.map(
        (delay) =>
          new Promise<[number, number]>((resolve) => {
            const at = scheduler.now();
            let sync = true;
            scheduler.schedule(() => resolve([scheduler.now() - at, sync ? 1 : 0]), delay);
            sync = false;
          }),
      ),
    );
    ran.forEach(([elapsed, sync], i) => {
      expect(sync).toBe(0);
      expect(elapsed).toBeGreaterThanOrEqual(delays[i] as number);
    });
  });

  it('cancels work that is unsubscribed before its deadline', async () => {
    const scheduler = new PreciseScheduler({ mode: 'efficient' });
    let ran = false;
    scheduler.schedule(() => (ran = true), 3).unsubscribe();
    scheduler.schedule(() => (ran = true), 0).unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(ran).toBe(false);
  });

  it('re-arms the same action when work reschedules itself', async () => {
    const scheduler = new PreciseScheduler();
    const actions = new Set<unknown>();
    await new Promise<void>((resolve) => {
      scheduler.schedule(function (this: SchedulerAction<number>, n?: number) {
        const count = n ?? 0;
        actions.add(this.schedule(count + 1, 0.5));
        if (count === 5) {
          this.unsubscribe();
          resolve();
        }
      });
    });
    expect(actions.size).toBe(1);
  });

  it('drives RxJS operators', async () => {
    expect(await firstValueFrom(interval(1, new PreciseScheduler()).pipe(take(5), toArray()))).toEqual([0, 1, 2, 3, 4]);
  });

  it.each(Object.keys(TIMING_MODES) as TimingMode[])('runs a 1 kHz tick loop in %s mode on the grid', async (mode) => {
    const loop = new TickLoop(
      { ...idlePhases(), boundary: (t) => void (t.index === 199 && loop.stop()) },
      { scheduler: new PreciseScheduler({ mode }), rateHz: 1000 },
    );
    loop.start();
    expect(await loop.stopped).toBe('requested');
    const records = loop.records.window(0, Infinity);
    expect(records).toHaveLength(200);
    const origin = records[0]?.scheduledStart as number;
    let missed = 0;
    for (const record of records) {
      expect(record.scheduledStart - origin).toBeCloseTo(record.slot * loop.periodMs, 6);
      expect(record.actualStart).toBeGreaterThanOrEqual(record.scheduledStart);
      missed += record.missed;
    }
    expect(missed).toBe(loop.missedPeriods);
    expect((records[199]?.slot as number) - 199).toBe(loop.missedPeriods - (records[199]?.missed as number));
  });

  it('rejects a negative yield window or spin slice', () => {
    expect(() => new PreciseScheduler({ yieldWindowMs: -1 })).toThrow(LoopConfigError);
    expect(() => new PreciseScheduler({ spinSliceMs: Number.NaN })).toThrow(LoopConfigError);
    expect(new PreciseScheduler({ mode: 'efficient' }).yieldWindowMs).toBe(0);
    expect(new PreciseScheduler({ yieldWindowMs: 0.2 }).yieldWindowMs).toBe(0.2);
  });
});
