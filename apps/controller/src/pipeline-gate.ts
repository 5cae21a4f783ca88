import type { Patch, Policy } from '@tickswap/dsu';
import { PatchRejectedError, type GateFigures, type VerifiedPatch } from '@tickswap/mqtt-link';
import type { SignedPatchBundle, TrustedKeys } from '@tickswap/patch-format';
import { verdictFigures } from '@tickswap/validator';
import type { ControllerGate } from './controller-gate';

/** What the gate stage of the patch pipeline needs beside the gate. */
export interface PipelineGateOptions {
  /** The keys the bundle was verified with: the gate's worker verifies it again before it loads its code. */
  readonly trustedKeys: TrustedKeys;
  readonly policy: Policy;
}

/**
 * The gate stage of the controller's patch pipeline (patches over MQTT): the
 * verified bundle, as signed, goes to the simulator gate; resolves with the
 * gate's figures for the `validated` result, or refuses with `gate-failed`
 * and the gate's first failing check.
 *
 * @example
 * gate: (verified) => pipelineGate(gate, verified, bundleOf(verified), { trustedKeys, policy: 'prepared' }),
 */
export async function pipelineGate(gate: ControllerGate, verified: VerifiedPatch<Patch>, bundle: SignedPatchBundle, options: PipelineGateOptions): Promise<GateFigures> {
  const outcome = await gate.judge(verified.id, { kind: 'bundle', bundle }, verified.patch, options.policy, options.trustedKeys);
  if (!outcome.accepted || outcome.verdict === undefined) throw new PatchRejectedError('gate-failed', `controller gate: ${outcome.reason}`);
  return verdictFigures(outcome.verdict);
}
