import type { Patch } from '@tickswap/dsu';
import type { Trajectory } from './trajectory';

/**
 * A quantity of a simulated run, one value per tick of the candidate:
 * - `path-error`: distance from the candidate's pose to the square the
 *   mission drives (corners (0, 0), (L, 0), (L, L), (0, L) of the odometry's
 *   frame; L from the check's `sideM`, else the state's `sideLength`), m;
 * - `pose-divergence`: distance between the candidate's and the shadow's pose, m;
 * - `heading-divergence`: their heading difference, the short way round, rad;
 * - `command-divergence`: the largest difference of a motor command, rad/s.
 * Divergences are NaN past the end of the shadow run.
 */
export type GateSignal = 'path-error' | 'pose-divergence' | 'heading-divergence' | 'command-divergence';

/** The robot stays within `toleranceM` of the square it drives, all the way. */
export interface NearSquareCheck {
  readonly kind: 'near-square';
  readonly toleranceM: number;
  /** Side of the square, m (default: the `sideLength` of the state's mission). */
  readonly sideM?: number;
  readonly name?: string;
}

/** `|signal|` is at most `tolerance` from `withinS` seconds after the commit to the end. */
export interface SettlesCheck {
  readonly kind: 'settles';
  readonly signal: GateSignal;
  readonly tolerance: number;
  readonly withinS: number;
  readonly sideM?: number;
  readonly name?: string;
}

/** `|signal|` is at most `max` at every tick. */
export interface BoundCheck {
  readonly kind: 'bound';
  readonly signal: GateSignal;
  readonly max: number;
  readonly sideM?: number;
  readonly name?: string;
}

/** What a predicate found wrong: why, when (s after the commit) and where (a path of the state or a signal). */
export interface CheckFinding {
  readonly message: string;
  readonly atS?: number;
  readonly path?: string;
}

/** Both runs of a gate, for predicates: full rate, the candidate's and the running version's (shadow). */
export interface SimulatedRuns {
  readonly candidate: Trajectory;
  readonly shadow: Trajectory;
  /** A signal of the candidate's run (see {@link GateSignal}). */
  signal(name: GateSignal): Float64Array;
}

/** A predicate of the patch's own over the simulated runs: a finding (or its message) fails it, undefined passes. */
export interface PredicateCheck {
  readonly kind: 'predicate';
  readonly name: string;
  test(runs: SimulatedRuns): CheckFinding | string | undefined;
}

/** One application check a patch declares. */
export type GateCheck = NearSquareCheck | SettlesCheck | BoundCheck | PredicateCheck;

/** What a patch asks of the gate, beside the system checks every patch passes. */
export interface GateSpec {
  readonly checks: readonly GateCheck[];
}

/**
 * How a patch package declares its application checks: a `gate` field on
 * the patch it exports (its `patch.ts` default export, so a signed bundle
 * carries them in its code). Import the type only (`import type`): the
 * patch's code then needs nothing of the validator at run time.
 *
 * @example
 * const patch: GatedPatch = {
 *   from: '0', to: '1', classes: { Pid: { kind: 'replace', code: PidV1, add: { integralLimit: { value: 0.5 } } } },
 *   gate: { checks: [{ kind: 'near-square', toleranceM: 0.2 }, { kind: 'settles', signal: 'command-divergence', tolerance: 0.5, withinS: 1.5 }] },
 * };
 * export default patch;
 */
export type GatedPatch<P extends Patch = Patch> = P & { readonly gate?: GateSpec };
