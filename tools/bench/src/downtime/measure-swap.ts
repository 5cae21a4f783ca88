import { HotSwap, PreciseScheduler, TickLoop, type PreparationFigures, type TickRecord, type UpdateLogEntry } from '@tickswap/control-loop';
import { LiveSystem, type Policy } from '@tickswap/dsu';
import { usageMeter } from '../loop/usage-meter';
import { median, percentile } from '../statistics';
import { compileFilterStep, particleVersions, type BenchFilter } from './particle-versions';

/** How the update is made: by the hot swap with a policy, or stopping the world (prepare and commit inside one boundary). */
export type SwapMode = Policy | 'stop-the-world';

/** What one update cost a 1 kHz loop holding N particles. Times in µs. */
export interface SwapRun {
  /** Duration of the boundary that committed (the tick record's `commit`). */
  readonly boundary: number;
  /** Lateness of the tick after it. */
  readonly lateness: number;
  /** Periods the committing tick skipped. */
  readonly missedAtCommit: number;
  /**
   * Periods missed by the ticks from the request to the committing one
   * (preparation runs in the slack after each), and by as many ticks before
   * the request (the machine's own misses).
   */
  readonly missedPreparing: number;
  readonly missedBefore: number;
  /** Ticks from the request to the commit. */
  readonly preparingTicks: number;
  readonly preparation: PreparationFigures | undefined;
  /**
   * Cost of the update phase (moving the particles) before the update and
   * after it, once the garbage it left is collected (from 600 ticks after):
   * the lower quartile of 500 ticks, since a shared machine's noise only adds.
   */
  readonly tickBefore: number;
  readonly tickAfter: number;
  /** Update phase of the first tick after the commit (where lazy migration happens). */
  readonly firstTick: number;
  /** Median boundary duration of the ticks before the request (nothing to commit). */
  readonly idleBoundary: number;
  /** Times the kernel took the CPU away from the process during the run (other processes' doing). */
  readonly preemptions: number;
}

const WARM_TICKS = 1000;
const SETTLE_TICKS = 600;
const AFTER_TICKS_MEASURED = 500;
const us = (ms: number) => ms * 1000;

/**
 * Runs a loop at 1 kHz on the precise scheduler whose update phase moves N
 * particles, requests the particle patch after 1 s (or, `stop-the-world`,
 * prepares and commits it inside that tick's boundary) and runs on for 1.1 s
 * after the commit; reads every figure from the loop's own records.
 *
 * @example
 * const run = await measureSwap(10_000, 'prepared');
 */
export async function measureSwap(n: number, mode: SwapMode): Promise<SwapRun> {
  const { root, namespace, patch } = particleVersions(n);
  const live = new LiveSystem(namespace, root);
  const swap = new HotSwap(live, { watchTicks: 0, deadlineMs: 30_000 });
  const step = compileFilterStep();
  let commitTick = -1;
  const loop: TickLoop = new TickLoop(
    {
      read: () => undefined,
      update: (tick) => step(live.root.filter as BenchFilter, tick.dt),
      write: () => undefined,
      boundary: (tick) => {
        swap.boundary(tick);
        if (mode === 'stop-the-world' && tick.index === WARM_TICKS - 1) {
          live.update(patch, { policy: 'eager' });
          commitTick = tick.index;
        }
        if (commitTick >= 0 && tick.index >= commitTick + SETTLE_TICKS + AFTER_TICKS_MEASURED) void loop.stop();
      },
    },
    { scheduler: new PreciseScheduler({ mode: 'precise' }), rateHz: 1000, recordCapacity: 16_384, maxConsecutiveFaults: 1, version: 1 },
  );
  swap.attach(loop);
  let committed: UpdateLogEntry | undefined;
  swap.log.entries$.subscribe((entry) => {
    if (entry.event !== 'committed') return;
    committed = entry;
    commitTick = entry.tick ?? -1;
  });
  if (mode !== 'stop-the-world') loop.ticks$.subscribe((r) => r.index === WARM_TICKS - 1 && void swap.request(patch, { policy: mode }));
  const usage = usageMeter();
  loop.start();
  await loop.stopped;
  return summarise(loop.records.window(0, Infinity), commitTick, committed?.preparation, usage().preemptions);
}

function summarise(records: TickRecord[], commitTick: number, preparation: PreparationFigures | undefined, preemptions: number): SwapRun {
  const at = (index: number) => records[index] as TickRecord;
  const missed = (from: number, to: number) => records.slice(from, to).reduce((sum, r) => sum + r.missed, 0);
  const updates = (from: number, to: number) => percentile(records.slice(from, to).map((r) => us(r.update)), 0.25);
  // The request is made after tick WARM_TICKS - 1; stopping the world commits in that very boundary.
  const preparingTicks = commitTick - (WARM_TICKS - 1);
  const next = at(commitTick + 1);
  return {
    boundary: us(at(commitTick).commit),
    lateness: us(next.actualStart - next.scheduledStart),
    missedAtCommit: at(commitTick).missed,
    missedPreparing: missed(WARM_TICKS, commitTick),
    missedBefore: missed(2 * WARM_TICKS - commitTick, WARM_TICKS), // as many ticks as [WARM_TICKS, commitTick)
    preparingTicks,
    preparation,
    tickBefore: updates(WARM_TICKS / 2, WARM_TICKS),
    tickAfter: updates(commitTick + SETTLE_TICKS, commitTick + SETTLE_TICKS + AFTER_TICKS_MEASURED),
    firstTick: us(next.update),
    idleBoundary: median(records.slice(WARM_TICKS / 2, WARM_TICKS - 1).map((r) => us(r.commit))),
    preemptions,
  };
}
