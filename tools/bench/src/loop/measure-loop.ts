import { TickLoop, type TickPhases } from '@tickswap/control-loop';
import type { SchedulerLike } from 'rxjs';
import { usageMeter, type Usage } from './usage-meter';

/** One run of the loop: every tick's lateness (ms) and scheduled start (ms, scheduler clock), the periods it missed, what it cost. */
export interface LoopRun {
  readonly lateness: number[];
  readonly starts: number[];
  readonly missed: number;
  readonly usage: Usage;
}

const nothing = (): void => undefined;

/**
 * Runs the control loop with empty phases on `scheduler` for `ticks` ticks at
 * `rateHz`, and reads each tick's `actualStart - scheduledStart` from its records.
 *
 * @example
 * const run = await measureLoop(new PreciseScheduler(), 1000, 1000);
 */
export async function measureLoop(scheduler: SchedulerLike, ticks: number, rateHz: number, before?: Usage): Promise<LoopRun> {
  const phases: TickPhases = {
    read: nothing,
    update: nothing,
    write: nothing,
    boundary: (tick) => void (tick.index === ticks - 1 && loop.stop()),
  };
  const loop: TickLoop = new TickLoop(phases, { scheduler, rateHz, recordCapacity: ticks, maxConsecutiveFaults: 1 });
  const usage = usageMeter(before);
  loop.start();
  await loop.stopped;
  const used = usage();
  const records = loop.records.window(0, ticks);
  const lateness = records.map((r) => r.actualStart - r.scheduledStart);
  return { lateness, starts: records.map((r) => r.scheduledStart), missed: loop.missedPeriods, usage: used };
}
