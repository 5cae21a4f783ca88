import type { Snapshot } from '@tickswap/dsu';
import type { SignedPatchBundle, TrustedKeys } from '@tickswap/patch-format';
import type { RobotDescription } from '@tickswap/robots';
import type { ReadingsRecording } from './readings-recording';

/**
 * Where the code of a patch comes from, in a form that crosses to the gate's
 * worker thread: a signed bundle document (what a robot receives; the worker
 * verifies it again with the trusted keys and loads it with `loadBundle`),
 * or the path of a module the worker imports (an in-process patch module or
 * a patch package's `patch.ts`: it exports the patch as `patch` or as its
 * default export). A bundle's `@tickswap/behaviours` is what the bundle
 * declares it means (its signed `classes`: the shipped package, or the
 * classes of the version it applies to; see patch-format's `modulesFor`).
 */
export type PatchSource =
  | { readonly kind: 'bundle'; readonly bundle: SignedPatchBundle }
  | { readonly kind: 'module'; readonly path: string };

/** How the worker rebuilds the namespace that runs: the shipped behaviours, then the patches committed since. */
export interface RunningVersion {
  /** The version of the shipped behaviours (the controller's base version, `'0'`). */
  readonly base: string;
  /** The committed patches in force, oldest first. */
  readonly chain: readonly PatchSource[];
}

/** What the motors read at the snapshot's tick (rad, rad/s, index-aligned with the robot description). */
export interface MotorState {
  readonly position: ArrayLike<number>;
  readonly velocity: ArrayLike<number>;
}

/**
 * A copy of the live robot's state, taken between two ticks: the controller
 * state (`{ behaviour }`) as a dsu snapshot of the running version, and what
 * the motors read at that tick (it seeds the simulated servos; without it
 * they start where the odometry's last wheel angles put them, at rest).
 */
export interface LiveState {
  readonly snapshot: Snapshot;
  readonly readings?: MotorState;
}

/**
 * The world the candidate runs in: the robot description (its physics and
 * motor limits), and optionally a recording of the live robot's readings,
 * replayed tick by tick instead of the physics (the commands then move
 * nothing: the run compares what the versions command on the same input).
 */
export interface Scenario {
  readonly robot: RobotDescription;
  readonly recording?: ReadingsRecording;
}

/** How long and how fast the gate simulates, and what it allows. Every field has a default. */
export interface GateOptions {
  /** Robot time simulated from the snapshot, s (default 10). */
  readonly horizonS?: number;
  /** Ticks per second: the live loop's rate (default 1000). */
  readonly rateHz?: number;
  /** Longest compute time of a tick's update, ms, judged on its p99 (default: one period). */
  readonly tickBudgetMs?: number;
  /** Wall time the worker may take from receiving the job to its verdict, ms (default 5000); then it is stopped. */
  readonly timeLimitMs?: number;
}

/**
 * One run of the gate: the candidate patch, proven on the simulator from a
 * copy of the live state, beside the running version from the same copy.
 *
 * @example
 * const request: GateRequest = {
 *   running: { base: '0', chain: [] },
 *   state: { snapshot: toSnapshot(live.root, live.namespace), readings },
 *   scenario: { robot },
 *   candidate: { kind: 'module', path: '/work/robot/patches/pid-integral-limit/patch.ts' },
 * };
 */
export interface GateRequest {
  readonly running: RunningVersion;
  readonly state: LiveState;
  readonly scenario: Scenario;
  readonly candidate: PatchSource;
  /** The keys bundles must be signed with (required when a source is a bundle). */
  readonly trustedKeys?: TrustedKeys;
  readonly options?: GateOptions;
}
