import type { KeyObject } from 'node:crypto';
import * as behaviours from '@tickswap/behaviours';
import type { AnyClass } from '@tickswap/dsu';
import { assembleBundle, describePatch, signBundle, type SignedPatchBundle } from '@tickswap/patch-format';

/**
 * New code for `Pid` that behaves as the shipped class: its own class (dsu
 * refuses a replacement that is the running class or extends it) with the
 * shipped methods and field layout. The methods are taken from the shipped
 * prototype the first time the code runs in a realm and kept there: after a
 * commit, dsu leaves forwarding stubs on the prototypes of replaced classes
 * (for stale references), which must not be copied. One source text,
 * evaluated here to declare the patch and shipped as the bundle's code.
 */
const PID_CODE = `const { Behaviour, Pid: Shipped } = require('@tickswap/behaviours');
const methods = (globalThis.tickswapBenchPidMethods ??= Object.getOwnPropertyNames(Shipped.prototype)
  .filter((name) => name !== 'constructor')
  .map((name) => [name, Object.getOwnPropertyDescriptor(Shipped.prototype, name)]));
class Pid extends Behaviour {
  static fields = Shipped.fields;
}
for (const [name, descriptor] of methods) Object.defineProperty(Pid.prototype, name, descriptor);`;

const pidHere = (): AnyClass => new Function('require', `${PID_CODE}\nreturn Pid;`)(() => behaviours) as AnyClass;

/**
 * Patch `from` -> `from + 1` that replaces `Pid` by new code behaving as the
 * shipped class: every live PID instance is migrated at the commit, the
 * robot's behaviour does not change, so any number of them can follow each
 * other on a running robot. Signed with `key`; `attempt` makes another
 * patch of the same versions (a robot applies a patch id once).
 *
 * @example
 * const bundles = [0, 1, 2].map((k) => pidReplacement(k, key)); // 0->1, 1->2, 2->3
 */
export function pidReplacement(from: number, key: KeyObject, attempt = 0): SignedPatchBundle {
  const [fromVersion, toVersion] = [String(from), String(from + 1)];
  const declaration = describePatch({ from: fromVersion, to: toVersion, classes: { Pid: { kind: 'replace', code: pidHere() } } });
  const code = [
    `// attempt ${attempt}`,
    PID_CODE,
    `module.exports = { default: { from: '${fromVersion}', to: '${toVersion}', classes: { Pid: { kind: 'replace', code: Pid } } } };`,
  ].join('\n');
  return signBundle(assembleBundle(declaration, code), key);
}
