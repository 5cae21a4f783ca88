import { applicationChecks, checkName } from './application-checks';
import { divergenceOf } from './divergence';
import type { GateCheck } from './gate-checks';
import type { CheckResult, TickTimes } from './gate-verdict';
import type { RunOutcome } from './simulate';
import type { Trajectory } from './trajectory';
import type { VerdictBuilder } from './verdict-builder';

/** The checks every simulated tick passes, in the order a tick is checked. */
const TICK_CHECKS = ['no-throw', 'finite-commands', 'motor-limits'] as const;

/** What {@link judgeRuns} judges. */
export interface RunsToJudge {
  readonly candidate: RunOutcome;
  readonly shadow: RunOutcome;
  readonly checks: readonly GateCheck[];
  /** The side of the state's square, for `path-error`. */
  readonly side: number | undefined;
  readonly tickBudgetMs: number;
}

/** p99 (nearest rank) and max of a run's tick compute times; undefined for a run without ticks. */
function tickTimes(run: Trajectory): TickTimes | undefined {
  if (run.length === 0) return undefined;
  const sorted = run.computeUs.slice(0, run.length).sort();
  return { p99Us: sorted[Math.ceil(0.99 * sorted.length) - 1] as number, maxUs: sorted[sorted.length - 1] as number };
}

function tickBudget(run: Trajectory, times: TickTimes | undefined, budgetMs: number): CheckResult {
  const budgetUs = budgetMs * 1000;
  if (times === undefined || times.p99Us <= budgetUs) return { name: 'tick-budget', kind: 'system', status: 'passed' };
  const first = run.computeUs.findIndex((us) => us > budgetUs);
  const message = `the p99 of the update's compute time, ${times.p99Us.toFixed(1)} µs (max ${times.maxUs.toFixed(1)} µs), is beyond the tick budget of ${budgetUs.toFixed(0)} µs`;
  return { name: 'tick-budget', kind: 'system', status: 'failed', message, atS: run.timeOf(first), path: 'root.behaviour' };
}

/**
 * Judges the two runs into the verdict: the per-tick system checks (the one
 * that stopped the candidate fails, those after it in a tick's order could
 * not be judged), the tick budget, the patch's application checks (only
 * when the candidate ran its whole horizon), the divergence from the
 * shadow, the thinned trajectories and the runs' timing.
 *
 * @example
 * judgeRuns(builder, { candidate: run, shadow, checks, side: 1, tickBudgetMs: 1 });
 */
export function judgeRuns(builder: VerdictBuilder, runs: RunsToJudge): void {
  const { candidate, shadow } = runs;
  const stoppedBy = candidate.failure === undefined ? -1 : TICK_CHECKS.indexOf(candidate.failure.name as (typeof TICK_CHECKS)[number]);
  TICK_CHECKS.forEach((name, index) => {
    if (index === stoppedBy) builder.add(candidate.failure as CheckResult);
    else builder.add({ name, kind: 'system', status: stoppedBy < 0 || index < stoppedBy ? 'passed' : 'skipped' });
  });
  const candidateTicks = tickTimes(candidate.trajectory);
  if (candidate.failure === undefined) {
    builder.add(tickBudget(candidate.trajectory, candidateTicks, runs.tickBudgetMs));
    for (const result of applicationChecks(runs.checks, { candidate: candidate.trajectory, shadow: shadow.trajectory }, runs.side)) builder.add(result);
  } else {
    builder.skip(['tick-budget'], 'system');
    builder.skip(runs.checks.map(checkName), 'application');
  }
  const both = { candidate: candidate.trajectory, shadow: shadow.trajectory };
  if (candidate.trajectory.length > 0 && shadow.trajectory.length > 0) builder.divergence = divergenceOf(both);
  builder.trajectories = { shadow: shadow.trajectory.thinned(), candidate: candidate.trajectory.thinned() };
  const { shadowMs, candidateMs } = builder.timing;
  const simulatedS = candidate.trajectory.reachedS + shadow.trajectory.reachedS;
  builder.timing = { ...builder.timing, speed: simulatedS / ((shadowMs + candidateMs) / 1000), shadowTicks: tickTimes(shadow.trajectory), candidateTicks };
}
