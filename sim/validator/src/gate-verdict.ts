import type { TrajectoryData } from './trajectory';

/**
 * The checks of every gate, in the order the gate runs them:
 * - `running-version`: the worker rebuilt the running namespace (behaviours and committed patches);
 * - `live-state`: the snapshot rebuilds with it and holds a behaviour;
 * - `load`: the candidate loaded (bundle verified, module imported) and applies to the running version;
 * - `declared-checks`: its `gate` field is well formed;
 * - `migration`: the snapshot migrated with the patch and passed dsu's validations (NaN, fields, the patch's own);
 * - `no-throw`, `finite-commands`, `motor-limits`: every simulated tick of the candidate;
 * - `tick-budget`: the p99 of the candidate's tick compute time is within the budget;
 * - `time-limit`, `worker`: the worker gave a verdict in time and did not crash.
 */
export type SystemCheck =
  | 'running-version'
  | 'live-state'
  | 'load'
  | 'declared-checks'
  | 'migration'
  | 'no-throw'
  | 'finite-commands'
  | 'motor-limits'
  | 'tick-budget'
  | 'time-limit'
  | 'worker';

/** How one check went. */
export interface CheckResult {
  /** A system check's name, or the application check's (its `name`, or one made from its kind). */
  readonly name: string;
  readonly kind: 'system' | 'application';
  /** `skipped`: an earlier check failed, so this one could not be judged. */
  readonly status: 'passed' | 'failed' | 'skipped';
  /** What it measured, in words (`max 0.031 m at 4.200 s`); absent when there is nothing to measure. */
  readonly figure?: string;
  /** Why it failed. */
  readonly message?: string;
  /** When it failed, simulated seconds after the snapshot. */
  readonly atS?: number;
  /** Where: an instance path of the state (`root.behaviour.heading`), a command (`commands.velocity[1]`) or a signal. */
  readonly path?: string;
}

/** The first failing check of a rejected patch: what, why, when and where. */
export interface GateFailure {
  readonly check: string;
  readonly message: string;
  readonly atS: number | undefined;
  readonly path: string | undefined;
}

/** The largest value of a divergence and when it happened (s after the snapshot). */
export interface Extreme {
  readonly max: number;
  readonly atS: number;
}

/** How far the candidate's run drifted from the running version's (shadow) run, over the ticks both ran. */
export interface Divergence {
  /** Pose distance, m. */
  readonly poseM: Extreme;
  /** Heading difference, rad. */
  readonly headingRad: Extreme;
  /** Largest difference of a motor command, rad/s. */
  readonly commandRadPerS: Extreme;
}

/** What the simulation covered. */
export interface SimulationFigures {
  readonly horizonS: number;
  readonly rateHz: number;
  /** Robot time each run reached, s (the horizon unless it stopped early). */
  readonly candidateS: number;
  readonly shadowS: number;
  /** `physics`, or a `recording` of readings replayed. */
  readonly source: 'physics' | 'recording';
  /** The side of the square the state's mission drives, m, if it has one (for `path-error` and plots). */
  readonly squareSideM: number | undefined;
  /** Where the simulated robot started, and the odometry that gave it (undefined: the origin). */
  readonly seed: { readonly x: number; readonly y: number; readonly theta: number; readonly from: string | undefined };
  /** Why the running version's own run stopped early, if it did (the scenario breaks it too: divergences cover the ticks both ran). */
  readonly shadowStopped?: string;
}

/** Percentiles of the compute time of a run's ticks, µs. */
export interface TickTimes {
  readonly p99Us: number;
  readonly maxUs: number;
}

/** Wall-clock figures: they vary from run to run (everything else in a verdict does not). */
export interface GateTiming {
  /** From the request to the verdict, ms. */
  readonly wallMs: number;
  /** Waiting for a worker to be ready (0 with a standby worker that was), ms. */
  readonly workerStartMs: number;
  /** In the worker: loading the patches, migrating, and each run, ms. */
  readonly loadMs: number;
  readonly migrateMs: number;
  readonly shadowMs: number;
  readonly candidateMs: number;
  /** Simulated seconds per wall second over both runs. */
  readonly speed: number;
  readonly shadowTicks: TickTimes | undefined;
  readonly candidateTicks: TickTimes | undefined;
}

/**
 * The gate's answer: accepted or not, the first failing check, every check
 * with its figures, how far the candidate diverged from the running version,
 * and the trajectories of both (thinned, for plots). Everything but
 * `timing` (and the `tick-budget` check, which judges timing) is the same
 * for the same snapshot, scenario and patch.
 */
export interface GateVerdict {
  readonly accepted: boolean;
  /** The candidate's versions, once it loaded. */
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly failure: GateFailure | undefined;
  readonly checks: readonly CheckResult[];
  readonly simulation: SimulationFigures | undefined;
  readonly divergence: Divergence | undefined;
  readonly trajectories: { readonly shadow: TrajectoryData; readonly candidate: TrajectoryData } | undefined;
  readonly timing: GateTiming;
}
