import { TickLoop } from '@tickswap/control-loop';
import { VirtualTimeScheduler } from 'rxjs';
import { trivialLoop } from '../test/trivial-loop';
import { SlackRunner } from './slack-runner';
import { TelemetryConfigError } from './telemetry-config-error';

/** A loop whose ticks take `tickMs` of virtual time, with a runner whose jobs each take `jobMs`; the log says when each job ran. */
function rig(options: { ticks: number; tickMs?: number; jobMs?: number; maxSliceMs?: number }) {
  const { loop, scheduler } = trivialLoop({ ticks: options.ticks, updateMs: () => options.tickMs ?? 0 });
  const slack = new SlackRunner({ loop, scheduler, watchdog: scheduler, maxSliceMs: options.maxSliceMs ?? 0.25, guardMs: 0.1 });
  const log: string[] = [];
  const job = (name: string) => () => {
    log.push(`${name}@${scheduler.now()}`);
    scheduler.frame += options.jobMs ?? 0;
  };
  return { loop, scheduler, slack, log, job };
}

describe('SlackRunner', () => {
  it('runs work right after the next tick, before the one after, and only after ticks that leave work waiting', () => {
    const { loop, scheduler, slack, log, job } = rig({ ticks: 5, tickMs: 0.01 });
    const ticks: number[] = [];
    loop.ticks$.subscribe((record) => {
      ticks.push(record.index);
      if (record.index === 1) slack.push(job('a'));
    });
    loop.start();
    scheduler.flush();
    expect(log).toEqual(['a@2.01']); // pushed during tick 1's report, run after tick 2 (started at 2 ms, took 0.01 ms)
    expect(ticks).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs jobs while the slice lasts and leaves the rest for the ticks after', () => {
    const { loop, scheduler, slack, log, job } = rig({ ticks: 6, jobMs: 0.1, maxSliceMs: 0.25 });
    loop.ticks$.subscribe((record) => record.index === 0 && ['a', 'b', 'c', 'd', 'e'].forEach((name) => slack.push(job(name))));
    loop.start();
    scheduler.flush();
    expect(log.map((entry) => entry.replace(/(\.\d)\d+$/, '$1'))).toEqual(['a@1', 'b@1.1', 'c@1.2', 'd@2', 'e@2.1']);
  });

  it('runs no job in a slice when the next tick is due within the guard: then it waits, here until the loop stopped', () => {
    const { loop, scheduler, slack, log, job } = rig({ ticks: 5, tickMs: 0.95 });
    loop.ticks$.subscribe((record) => record.index === 0 && slack.push(job('a')));
    loop.start();
    scheduler.flush();
    expect(log).toEqual(['a@4.95']);
  });

  it('runs periodic jobs on the loop clock from the first tick, and each a last time once the loop stopped', () => {
    const { loop, scheduler, slack, log } = rig({ ticks: 2500 });
    slack.every(1000, (final) => log.push(`${final ? 'final' : 'read'}@${scheduler.now()}`));
    scheduler.schedule(() => loop.start(), 300);
    scheduler.flush();
    expect(log).toEqual(['read@1300', 'read@2300', 'final@2799']);
    expect(slack.done).toBe(true);
  });

  it('runs periodic jobs when the loop stalls (no tick for the watchdog period), as there is no tick to delay', async () => {
    const scheduler = new VirtualTimeScheduler();
    let release: () => void = () => undefined;
    const loop: TickLoop = new TickLoop(
      { read: (t) => (t.index === 3 ? new Promise<void>((resolve) => (release = resolve)) : undefined), update: () => undefined, write: () => undefined, boundary: (t) => void (t.index === 4 && loop.stop()) },
      { scheduler },
    );
    const slack = new SlackRunner({ loop, scheduler, watchdog: scheduler, watchdogMs: 100 });
    const runs: number[] = [];
    slack.every(1000, () => runs.push(loop.records.count));
    loop.start();
    scheduler.maxFrames = 450;
    scheduler.flush();
    expect(runs).toEqual([3, 3, 3]); // tick 3 hangs in read: the watches at 200, 300 and 400 ms see no tick since the one before
    release();
    await new Promise((resolve) => setImmediate(resolve));
    scheduler.maxFrames = Number.POSITIVE_INFINITY;
    scheduler.flush();
    expect(slack.done).toBe(true);
  });

  it.each([
    [{ maxSliceMs: 0 }, /maxSliceMs must be a positive number of ms, got 0/],
    [{ guardMs: -1 }, /guardMs must be a non-negative number of ms, got -1/],
    [{ maxQueued: 0 }, /maxQueued must be an integer >= 1 \(jobs\), got 0/],
  ])('refuses %p', (options, message) => {
    const { loop, scheduler } = trivialLoop({ ticks: 1 });
    expect(() => new SlackRunner({ loop, scheduler, ...options })).toThrow(TelemetryConfigError);
    expect(() => new SlackRunner({ loop, scheduler, ...options })).toThrow(message);
  });
});
