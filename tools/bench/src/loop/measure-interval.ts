import { interval, lastValueFrom, take, tap } from 'rxjs';
import { usageMeter } from './usage-meter';
import { summariseLateness, type LatenessSummary } from './lateness-summary';

/** The baseline's figures, plus how far its last tick drifted from the ideal grid. */
export interface IntervalBaseline extends LatenessSummary {
  /** How late the last tick came against its ideal time `t0 + n * period` (ms). */
  readonly driftMs: number;
  /** Mean period actually delivered (ms). */
  readonly meanPeriodMs: number;
}

/**
 * RxJS `interval(period)` on its default scheduler (Node timers), as the
 * baseline: emission k is ideally at `t0 + (k + 1) * period`; its lateness is
 * measured against that grid, so it includes the accumulated drift.
 *
 * @example
 * const baseline = await measureInterval(5000, 1); // baseline.driftMs: tick 5000's lateness
 */
export async function measureInterval(ticks: number, periodMs: number): Promise<IntervalBaseline> {
  const times = new Float64Array(ticks);
  let count = 0;
  const usage = usageMeter();
  const origin = performance.now();
  await lastValueFrom(
    interval(periodMs).pipe(
      take(ticks),
      tap(() => (times[count++] = performance.now())),
    ),
  );
  const used = usage();
  const lateness = times.map((t, k) => t - (origin + (k + 1) * periodMs));
  return {
    ...summariseLateness(lateness, 0, used),
    driftMs: lateness[ticks - 1] as number,
    meanPeriodMs: ((times[ticks - 1] as number) - (times[0] as number)) / (ticks - 1),
  };
}
