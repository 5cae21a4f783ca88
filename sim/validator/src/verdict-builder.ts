import { ValidationError } from '@tickswap/dsu';
import type { CheckResult, Divergence, GateFailure, GateTiming, GateVerdict, SimulationFigures, SystemCheck } from './gate-verdict';
import type { TrajectoryData } from './trajectory';

/** A verdict's wall-clock figures before the host adds its own (wall time, worker start). */
export type JobTiming = Omit<GateTiming, 'wallMs' | 'workerStartMs'>;

/** No time measured yet. */
export const NO_TIMING: JobTiming = { loadMs: 0, migrateMs: 0, shadowMs: 0, candidateMs: 0, speed: 0, shadowTicks: undefined, candidateTicks: undefined };

/**
 * The first failing check: the earliest in simulated time (a check with no
 * time, such as a load or a predicate without one, counts as after every
 * timed one), the first listed among equals.
 *
 * @example
 * firstFailure(verdict.checks)?.check; // 'no-throw'
 */
export function firstFailure(checks: readonly CheckResult[]): GateFailure | undefined {
  const failed = checks.filter((check) => check.status === 'failed');
  const when = (check: CheckResult) => check.atS ?? Number.POSITIVE_INFINITY;
  const first = failed.reduce<CheckResult | undefined>((best, check) => (best === undefined || when(check) < when(best) ? check : best), undefined);
  return first === undefined ? undefined : { check: first.name, message: first.message ?? 'failed', atS: first.atS, path: first.path };
}

/**
 * Collects a gate's checks and figures as the job goes, and makes the verdict.
 *
 * @example
 * const builder = new VerdictBuilder();
 * const namespace = builder.attempt('running-version', () => runningNamespace(running, keys));
 * if (namespace === undefined) return builder.verdict(); // rejected, naming the check
 */
export class VerdictBuilder {
  readonly checks: CheckResult[] = [];
  versions: { from: string; to: string } | undefined;
  simulation: SimulationFigures | undefined;
  divergence: Divergence | undefined;
  trajectories: { shadow: TrajectoryData; candidate: TrajectoryData } | undefined;
  timing: JobTiming = NO_TIMING;

  /** Whether a check failed already. */
  get failed(): boolean {
    return this.checks.some((check) => check.status === 'failed');
  }

  /** Adds a result, in place of an earlier one of the same name. */
  add(result: CheckResult): void {
    const earlier = this.checks.findIndex((check) => check.name === result.name);
    if (earlier >= 0) this.checks[earlier] = result;
    else this.checks.push(result);
  }

  /**
   * Runs one step of the gate as the system check `name`: its value, or
   * undefined after recording why it threw (a dsu ValidationError gives the
   * instance path). A later step of the same check replaces its result.
   */
  attempt<T>(name: SystemCheck, step: () => T): T | undefined {
    try {
      const value = step();
      this.add({ name, kind: 'system', status: 'passed' });
      return value;
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const path = error instanceof ValidationError && error.path !== '' ? error.path : undefined;
      this.add({ name, kind: 'system', status: 'failed', message, ...(path === undefined ? {} : { path }) });
      return undefined;
    }
  }

  /** Records checks that could not be judged after an earlier failure. */
  skip(names: readonly string[], kind: CheckResult['kind']): void {
    for (const name of names) this.add({ name, kind, status: 'skipped' });
  }

  /** The verdict so far; the host completes its timing. */
  verdict(): GateVerdict {
    const failure = firstFailure(this.checks);
    return {
      accepted: failure === undefined,
      from: this.versions?.from,
      to: this.versions?.to,
      failure,
      checks: this.checks,
      simulation: this.simulation,
      divergence: this.divergence,
      trajectories: this.trajectories,
      timing: { ...this.timing, wallMs: 0, workerStartMs: 0 },
    };
  }
}
