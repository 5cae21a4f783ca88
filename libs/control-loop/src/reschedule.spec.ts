import { asyncScheduler, VirtualTimeScheduler, type SchedulerAction, type Subscription } from 'rxjs';
import { reschedule } from './reschedule';

describe('reschedule', () => {
  it('detaches the new virtual action from the one that ran, so the chain can be collected', () => {
    const scheduler = new VirtualTimeScheduler();
    const runs: number[] = [];
    const actions: Subscription[] = [];
    scheduler.schedule(function (this: SchedulerAction<void>) {
      runs.push(scheduler.now());
      if (runs.length === 1) {
        actions.push(this, reschedule(this, undefined, 2));
      }
    });
    scheduler.flush();
    expect(runs).toEqual([0, 2]);
    expect(actions[1]).not.toBe(actions[0]);

    // Unsubscribing the action that ran no longer cancels its successor.
    const again = new VirtualTimeScheduler();
    const seen: number[] = [];
    again.schedule(function (this: SchedulerAction<void>) {
      seen.push(again.now());
      if (seen.length === 1) {
        reschedule(this, undefined, 1);
        this.unsubscribe();
      }
    });
    again.flush();
    expect(seen).toEqual([0, 1]);
  });

  it('reuses the action on a real-time scheduler', (done) => {
    let count = 0;
    asyncScheduler.schedule(function (this: SchedulerAction<void>) {
      count += 1;
      if (count === 1) expect(reschedule(this, undefined, 1)).toBe(this);
      else done();
    });
  });
});
