import type { SchedulerLike } from 'rxjs';
import { summariseLateness, type LatenessSummary } from './lateness-summary';
import { measureLoop, type LoopRun } from './measure-loop';

/** A timing source to measure the loop on. */
export interface Contender {
  readonly name: string;
  readonly scheduler: SchedulerLike;
}

/**
 * Measures the loop on every contender in interleaved rounds (A B C, A B C,
 * ...), so that the load other processes put on a shared machine falls on
 * all of them alike; each first runs a second of warm-up, not counted.
 * Returns one summary per contender over all its rounds.
 *
 * @example
 * const figures = await measureInRounds([{ name: 'precise', scheduler }], 5000, 5, 1000, console.log);
 */
export async function measureInRounds(
  contenders: readonly Contender[],
  ticks: number,
  rounds: number,
  rateHz: number,
  progress: (line: string) => void,
): Promise<Map<string, LatenessSummary>> {
  for (const { scheduler } of contenders) await measureLoop(scheduler, rateHz, rateHz);
  const runs = new Map<string, LoopRun>();
  for (let round = 1; round <= rounds; round++) {
    progress(`round ${round} of ${rounds}: ${Math.ceil(ticks / rounds)} ticks on each of ${contenders.length} timings`);
    for (const { name, scheduler } of contenders) {
      const before = runs.get(name);
      const run = await measureLoop(scheduler, Math.ceil(ticks / rounds), rateHz, before?.usage);
      runs.set(name, {
        lateness: [...(before?.lateness ?? []), ...run.lateness],
        starts: [...(before?.starts ?? []), ...run.starts],
        missed: (before?.missed ?? 0) + run.missed,
        usage: run.usage,
      });
    }
  }
  const summaries = new Map<string, LatenessSummary>();
  for (const [name, run] of runs) summaries.set(name, summariseLateness(run.lateness, run.missed, run.usage));
  return summaries;
}
