import { generateKeyPairSync } from 'node:crypto';
import {
  assembleBundle,
  BundleDigestError,
  BundleFormatError,
  BundleShapeError,
  BundleSignatureError,
  BundleSizeError,
  BundleSyntaxError,
  BundleVersionError,
  signBundle,
  trustKeys,
  UntrustedKeyError,
  verifyBundle,
  type SignedPatchBundle,
} from '@tickswap/patch-format';
import { PatchRejectedError } from '../errors';
import type { BundleVerifier } from '../patch-pipeline';
import type { RejectReason } from '../reasons';
import type { FakePatch } from './fake-pipeline';

// How the robot reports each refusal of `verifyBundle` (the controller's wiring needs the same table).
const REASONS: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, RejectReason]> = [
  [BundleSizeError, 'too-large'],
  [BundleSyntaxError, 'malformed-json'],
  [BundleFormatError, 'unsupported-format'],
  [BundleShapeError, 'invalid-bundle'],
  [BundleDigestError, 'bad-digest'],
  [BundleSignatureError, 'bad-signature'],
  [UntrustedKeyError, 'untrusted-key'],
  [BundleVersionError, 'wrong-version'],
];

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
      const reason = REASONS.find(([type]) => error instanceof type)?.[1];
      throw reason === undefined ? error : new PatchRejectedError(reason, (error as Error).message);
    }
  };
  return { bundle, verify };
}
