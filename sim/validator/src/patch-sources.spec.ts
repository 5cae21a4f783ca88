// A bundle in the gate means the behaviour classes it declares it means: a
// patch derived from edited sources names the classes of the version it
// applies to, which after earlier patches are not the shipped ones.
import { generateKeyPairSync } from 'node:crypto';
import { Behaviour, BEHAVIOUR_CLASSES } from '@tickswap/behaviours';
import { Namespace, type PatchStep } from '@tickswap/dsu';
import { assembleBundle, BundleLoadError, signBundle, trustKeys, type BehaviourClasses } from '@tickswap/patch-format';
import { loadPatchSource } from './patch-sources';

class Probe extends Behaviour<number, number> {
  static readonly fields = ['n'] as const;
  n = 0;
  update(): number {
    return this.n;
  }
}

const keys = generateKeyPairSync('ed25519');
const trustedKeys = trustKeys([keys.publicKey]);
// Version 1 runs a class the shipped package does not have.
const running = Namespace.of('0', BEHAVIOUR_CLASSES).apply({ from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } } });

/** A patch 1 -> 2 adding `Child`, a subclass of the running `Probe` it imports from the behaviours. */
function childBundle(classes?: BehaviourClasses) {
  const code = [
    "const { Probe } = require('@tickswap/behaviours');",
    "class Child extends Probe { static fields = ['m']; m = 1; }",
    "module.exports = { default: { from: '1', to: '2', classes: { Child: { kind: 'add', code: Child } } } };",
  ].join('\n');
  const declaration = { from: '1', to: '2', changes: { classes: { Child: { kind: 'add', fields: ['m'] } } }, ...(classes === undefined ? {} : { classes }) } as const;
  return signBundle(assembleBundle(declaration, `${code}${classes === undefined ? '' : `\nmodule.exports.classes = '${classes}';`}`), keys.privateKey);
}

describe('loadPatchSource of a bundle', () => {
  it('loads a bundle that declares the running classes against the namespace it applies to', () => {
    const patch = loadPatchSource({ kind: 'bundle', bundle: childBundle('running') }, running, trustedKeys) as PatchStep;
    const change = patch.classes?.['Child'];
    expect(change?.kind === 'add' && Object.getPrototypeOf(change.code)).toBe(Probe);
  });

  it('loads a bundle without the declaration against the shipped package, which has no such class', () => {
    expect(() => loadPatchSource({ kind: 'bundle', bundle: childBundle() }, running, trustedKeys)).toThrow(BundleLoadError);
  });
});
