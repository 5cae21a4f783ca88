import { generateKeyPairSync } from 'node:crypto';
import { assembleBundle, signBundle, trustKeys, verifyBundle, type SignedPatchBundle } from '@tickswap/patch-format';
import { rejectionOf } from '../bundle-rejection';
import type { BundleVerifier } from '../patch-pipeline';
import type { FakePatch } from './fake-pipeline';

/** A key pair, a bundle it signed (a patch 0 -> 1 adding class `Probe`) and the verify stage of a robot that trusts it. */
export interface SignedFixture {
  readonly bundle: SignedPatchBundle;
  /** The real `verifyBundle` of `@tickswap/patch-format`, its refusals turned into reasons; loads nothing. */
  readonly verify: BundleVerifier<FakePatch>;
}

/**
 * A bundle signed with a fresh Ed25519 key and the verify stage of a robot
 * that trusts that key and runs version `'0'`.
 *
 * @example
 * const { bundle, verify } = signedFixture();
 * const agent = new PatchAgent({ ..., pipeline: { ...new FakePipeline('0'), verify } });
 */
export function signedFixture(): SignedFixture {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const code = "const { Behaviour } = require('@tickswap/behaviours');\nclass Probe extends Behaviour { static fields = ['n']; n = 0; }\nmodule.exports = { default: { from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } } } };";
  const bundle = signBundle(assembleBundle({ from: '0', to: '1', changes: { classes: { Probe: { kind: 'add', fields: ['n'] } } } }, code), privateKey);
  const trustedKeys = trustKeys([publicKey]);
  const verify: BundleVerifier<FakePatch> = async (received) => {
    try {
      const verified = verifyBundle(received, { trustedKeys, runningVersion: '0' });
      return { id: verified.id, from: verified.from, to: verified.to, patch: { failGate: false, rollBack: false } };
    } catch (error) {
      throw rejectionOf(error);
    }
  };
  return { bundle, verify };
}
