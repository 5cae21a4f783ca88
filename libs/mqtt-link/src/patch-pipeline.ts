import type { DowntimeFigures, GateFigures } from './figures';
import type { RollbackReason } from './reasons';

/** What the verify stage made of a bundle it trusts. */
export interface VerifiedPatch<P> {
  /** The patch id, as signed. */
  readonly id: string;
  /** The version it applies to and the version it produces. */
  readonly from: string;
  readonly to: string;
  /** The loaded patch (code, declared changes...), handed on to the gate and the commit. */
  readonly patch: P;
}

/**
 * How a commit ended: kept, or rolled back after the watch that followed it.
 * `watchMs` is the time from the swap to that outcome (0 when it never swapped).
 */
export type CommitOutcome =
  | { readonly outcome: 'committed'; readonly version: string; readonly downtime: DowntimeFigures; readonly watchMs: number }
  | {
      readonly outcome: 'rolled-back';
      readonly reason: RollbackReason;
      readonly message: string;
      readonly version: string;
      readonly downtime: DowntimeFigures | null;
      readonly watchMs: number;
    };

/**
 * Checks a parsed bundle (format version, digest, Ed25519 signature by a
 * trusted key, built for the running version) and loads it. Refuses by
 * throwing `PatchRejectedError` with `unsupported-format`, `bad-digest`,
 * `bad-signature`, `untrusted-key`, `wrong-version` or `invalid-bundle`.
 */
export type BundleVerifier<P> = (bundle: Readonly<Record<string, unknown>>) => Promise<VerifiedPatch<P>>;

/**
 * The stages a patch goes through on the robot, injected into the agent:
 * `@tickswap/patch-format` verifies, the validator gates, the hot swap
 * commits. Each stage is async (it must not hold the event loop: the control
 * loop shares it) and refuses by throwing `PatchRejectedError`; the agent
 * runs one patch at a time, so a stage never overlaps another patch's.
 *
 * @example
 * const pipeline: PatchPipeline<LoadedPatch> = {
 *   verify: (bundle) => verifyBundle(bundle, trustedKeys, live.version),
 *   gate: (patch) => validator.run(patch.patch),
 *   commit: (patch) => hotSwap.request(patch.patch),
 * };
 */
export interface PatchPipeline<P> {
  readonly verify: BundleVerifier<P>;
  /** Runs the candidate on the simulator from a copy of the live state; refuses with `gate-failed`. */
  readonly gate: (patch: VerifiedPatch<P>) => Promise<GateFigures>;
  /**
   * Commits at a tick boundary and resolves once the outcome is settled (kept,
   * or rolled back by the watch after it); refuses with `commit-failed` when
   * nothing changed.
   */
  readonly commit: (patch: VerifiedPatch<P>) => Promise<CommitOutcome>;
}
