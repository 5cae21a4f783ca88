import type { SignedPatchBundle, TrustedKeys } from '@tickswap/patch-format';

/** How the robot took a derived patch: committed, refused (by loading, the gate or the hot swap), or rolled back by its watch. */
export interface DevApplyOutcome {
  readonly outcome: 'committed' | 'refused' | 'rolled-back';
  /** The version running afterwards. */
  readonly version: string;
  /** The gate's verdict line, or why it was refused or rolled back. */
  readonly reason: string;
  /** Time from the request to the gate's verdict, ms. */
  readonly gateMs: number;
  /** Time from the gate's verdict to the commit at a tick boundary, ms (0 when it did not commit). */
  readonly commitMs: number;
  /** The measured pause of the commit: the boundary's duration and the ticks it missed. */
  readonly downtime?: { readonly boundaryMs: number; readonly missedTicks: number };
}

/**
 * The running robot as `DevSession` sees it: the controller on the
 * simulated robot implements it with its own patch path (verify the
 * signed bundle, load it against the classes it runs, simulator gate, hot
 * swap at a tick boundary), the very path a patch from the field takes.
 *
 * @example
 * const host: DevHost = { version: () => controller.live.namespace.version, apply: (bundle, keys) => applyDerived(controller, gate, bundle, keys) };
 */
export interface DevHost {
  /** The version the robot runs now. */
  version(): string;
  /** Verifies, gates and commits a signed bundle; never rejects for a refusal (it says so in the outcome). */
  apply(bundle: SignedPatchBundle, trustedKeys: TrustedKeys): Promise<DevApplyOutcome>;
}
