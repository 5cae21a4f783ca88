// Bundles and keys shared by the specs. Keys come from fixed seeds so every
// run signs the same bytes; the probe patch counts its own evaluations so a
// spec can tell whether any code ran.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as behaviours from '@tickswap/behaviours';
import { assembleBundle } from '../assemble-bundle';
import type { PatchBundle, PatchDeclaration, SignedPatchBundle } from '../bundle';
import { signBundle } from '../sign-bundle';
import { trustKeys } from '../trust-list';
import type { VerifyOptions } from '../verify-bundle';

/** An Ed25519 key pair. */
export interface TestKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

// An Ed25519 PKCS #8 private key is this DER prefix and the 32-byte seed (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The Ed25519 key pair of a fixed seed.
 *
 * @example
 * const { privateKey, publicKey } = testKeys(1);
 */
export function testKeys(seed: number): TestKeys {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.alloc(32, seed)]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The key the specs' receiver trusts, and one it does not. */
export const TRUSTED = testKeys(1);
export const STRANGER = testKeys(2);

/** What the specs' receiver requires: the trusted key, version '0'. */
export const RECEIVER: VerifyOptions = { trustedKeys: trustKeys([TRUSTED.publicKey]), runningVersion: '0' };

/** The modules the specs' host gives a patch. */
export const HOST_MODULES = { '@tickswap/behaviours': behaviours };

/**
 * How many times probe code was evaluated in this spec file.
 *
 * @example
 * expect(probeRuns()).toBe(0);
 */
export function probeRuns(): number {
  return (globalThis as { probeRuns?: number }).probeRuns ?? 0;
}

/**
 * The code of a patch 0 -> 1 adding class `Probe` (a behaviour with field
 * `n`); `extra` goes before its export, `exported` replaces the patch it exports.
 *
 * @example
 * probeCode({ extra: "throw new Error('boom');" });
 */
export function probeCode(options: { readonly extra?: string; readonly exported?: string } = {}): string {
  return [
    'globalThis.probeRuns = (globalThis.probeRuns ?? 0) + 1;',
    "const { Behaviour } = require('@tickswap/behaviours');",
    "class Probe extends Behaviour { static fields = ['n']; n = 0; update() { return this.n; } }",
    options.extra ?? '',
    `module.exports = { default: ${options.exported ?? "{ from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } } }"} };`,
  ].join('\n');
}

/** The declaration of the probe patch. */
export const PROBE_DECLARATION: PatchDeclaration = { from: '0', to: '1', changes: { classes: { Probe: { kind: 'add', fields: ['n'] } } } };

/**
 * A probe bundle signed by `keys` (default the trusted key).
 *
 * @example
 * verifyBundle(signedProbe(), RECEIVER);
 */
export function signedProbe(code = probeCode(), declaration = PROBE_DECLARATION, keys = TRUSTED): SignedPatchBundle {
  return signBundle(assembleBundle(declaration, code), keys.privateKey);
}

/**
 * A deep, mutable copy of a bundle, for specs that alter one.
 *
 * @example
 * const altered = mutableCopy(bundle); altered.code += ' ';
 */
export function mutableCopy(bundle: PatchBundle): Record<string, unknown> & { code: string; signature: { keyId: string; value: string } } {
  return structuredClone(bundle) as unknown as ReturnType<typeof mutableCopy>;
}
