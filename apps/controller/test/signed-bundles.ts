import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { assembleBundle, buildBundle, signBundle, type SignedPatchBundle } from '@tickswap/patch-format';

const DEMO_PATCH = join(__dirname, '..', '..', '..', 'patches', 'pid-integral-limit');

/**
 * The demo patch (pid-integral-limit, version 0 -> 1), built and signed with `key`.
 *
 * @example
 * const bundle = await demoBundle(privateKey);
 */
export async function demoBundle(key: KeyObject): Promise<SignedPatchBundle> {
  return signBundle(await buildBundle(DEMO_PATCH), key);
}

/**
 * A small patch `from` -> `to` that adds a class `Probe` (nothing uses it:
 * committing it changes no command), signed with `key` (default: a key no
 * robot trusts).
 *
 * @example
 * const next = probeBundle('1', '2', privateKey);
 */
export function probeBundle(from: string, to: string, key: KeyObject = generateKeyPairSync('ed25519').privateKey): SignedPatchBundle {
  const code = `const { Behaviour } = require('@tickswap/behaviours');\nclass Probe extends Behaviour { static fields = ['n']; n = 0; }\nmodule.exports = { default: { from: '${from}', to: '${to}', classes: { Probe: { kind: 'add', code: Probe } } } };`;
  return signBundle(assembleBundle({ from, to, changes: { classes: { Probe: { kind: 'add', fields: ['n'] } } } }, code), key);
}
