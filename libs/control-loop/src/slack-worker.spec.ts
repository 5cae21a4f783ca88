import { VirtualTimeScheduler } from 'rxjs';
import { SlackWorker } from './slack-worker';
import { createTickRecord, type TickRecord } from './tick-record';

/** A record of a tick due at `scheduledStart` that skipped `missed` periods. */
const tick = (scheduledStart: number, missed = 0): TickRecord => ({ ...createTickRecord(), scheduledStart, missed });

/** Work in units of 0.1 ms of virtual time; returns the times at which units ran. */
function unitsOf(scheduler: VirtualTimeScheduler, units: number[]) {
  return (shouldYield: () => boolean) => {
    while (!shouldYield()) {
      units.push(scheduler.now());
      scheduler.frame += 0.1;
    }
  };
}

describe('SlackWorker (virtual time)', () => {
  it('works in the slack after a tick until the slice budget is used', () => {
    const scheduler = new VirtualTimeScheduler();
    const worker = new SlackWorker(scheduler, 1, { maxSliceMs: 0.35, guardMs: 0.2 });
    const units: number[] = [];
    scheduler.frame = 0.3; // the tick of slot 0 ended at 0.3 ms
    worker.afterTick(tick(0), unitsOf(scheduler, units));
    scheduler.flush();
    expect(units.map((t) => t.toFixed(1))).toEqual(['0.3', '0.4', '0.5', '0.6']);
  });

  it('stops guardMs before the next tick is due, counting periods the tick skipped', () => {
    const scheduler = new VirtualTimeScheduler();
    const worker = new SlackWorker(scheduler, 1, { maxSliceMs: 10, guardMs: 0.2 });
    const units: number[] = [];
    scheduler.frame = 2.5; // the tick of slot 0 overran and skipped slots 1 and 2: the next is due at 3
    worker.afterTick(tick(0, 2), unitsOf(scheduler, units));
    scheduler.flush();
    expect(units.map((t) => t.toFixed(1))).toEqual(['2.5', '2.6', '2.7']);
  });

  it('runs no slice when the tick left no slack, one pending slice at a time, none once cancelled', () => {
    const scheduler = new VirtualTimeScheduler();
    const worker = new SlackWorker(scheduler, 1, { maxSliceMs: 1, guardMs: 0.2 });
    let calls = 0;
    const work = () => void (calls += 1);
    scheduler.frame = 0.85;
    worker.afterTick(tick(0), work);
    worker.afterTick(tick(0), work);
    expect(worker.scheduled).toBe(true);
    scheduler.flush();
    expect(calls).toBe(0);
    expect(worker.scheduled).toBe(false);
    worker.afterTick(tick(1), work);
    worker.afterTick(tick(1), work);
    scheduler.flush();
    expect(calls).toBe(1);
    worker.afterTick(tick(2), work);
    worker.cancel();
    scheduler.flush();
    expect(calls).toBe(1);
  });
});
