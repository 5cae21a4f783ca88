import { Behaviour } from '@tickswap/behaviours';
import type { PatchDeclaration } from './bundle';
import { BundleDeclarationError, BundleLoadError } from './errors';
import { loadBundle } from './load-bundle';
import { HOST_MODULES, PROBE_DECLARATION, probeCode, probeRuns, RECEIVER, signedProbe } from './testing/bundle-fixtures';
import { verifyBundle, type VerifiedBundle } from './verify-bundle';

const verified = (code = probeCode(), declaration?: PatchDeclaration) => verifyBundle(signedProbe(code, declaration), RECEIVER);
const load = (bundle: VerifiedBundle) => () => loadBundle(bundle, { modules: HOST_MODULES });

describe('loadBundle', () => {
  it("gives the declared patch, its classes extending the host's own classes", () => {
    const patch = loadBundle(verified(), { modules: HOST_MODULES });
    expect(patch.from).toBe('0');
    expect(patch.to).toBe('1');
    const change = patch.classes?.['Probe'];
    expect(change?.kind).toBe('add');
    const Probe = change?.kind === 'add' ? change.code : undefined;
    expect(Object.getPrototypeOf(Probe)).toBe(Behaviour);
    expect(new (Probe as unknown as new () => object)()).toBeInstanceOf(Behaviour);
  });

  it('runs nothing that did not come from verifyBundle: a signed bundle, a copy of a verified one', () => {
    const before = probeRuns();
    const unverified = [signedProbe(), { ...verified() }, structuredClone(verified())];
    for (const bundle of unverified) {
      expect(load(bundle as VerifiedBundle)).toThrow(BundleLoadError);
      expect(load(bundle as VerifiedBundle)).toThrow('loadBundle failed: the bundle did not come from verifyBundle; verify it first (loadBundle runs verified code only)');
    }
    expect(probeRuns()).toBe(before);
  });

  it('refuses code that throws while loading, keeping what it threw as the cause', () => {
    const bundle = verified(probeCode({ extra: "throw new RangeError('gain table missing');" }));
    expect(load(bundle)).toThrow(BundleLoadError);
    expect(load(bundle)).toThrow(
      `loadBundle failed: patch ${bundle.id}: the code threw while loading (RangeError: gain table missing); fix the patch package, build and sign it again`,
    );
    expect(load(bundle)).toThrow(expect.objectContaining({ cause: expect.any(RangeError) }));
  });

  it('refuses code that requires a module the host does not give', () => {
    const bundle = verified(probeCode({ extra: "require('node:fs');" }));
    expect(load(bundle)).toThrow(/the code requires 'node:fs', which is not among the modules given \(@tickswap\/behaviours\)/);
    expect(() => loadBundle(bundle, { modules: {} })).toThrow(/the code requires '@tickswap\/behaviours', which is not among the modules given \(none\)/);
  });

  it('refuses code with no default export, or whose export is not a patch step', () => {
    expect(load(verified(probeCode({ exported: 'undefined' })))).toThrow(/the code has no default export \(patch.ts must `export default` the patch\)/);
    expect(load(verified(probeCode({ exported: '42' })))).toThrow(BundleDeclarationError);
    expect(load(verified(probeCode({ exported: '42' })))).toThrow(/exports no valid patch step \(must be an object, got number 42\)/);
    const composed = "{ from: '0', to: '1', steps: [] }";
    expect(load(verified(probeCode({ exported: composed })))).toThrow(/exports no valid patch step \(is a composed patch; bundle each step as a patch of its own/);
    const notAClass = "{ from: '0', to: '1', classes: { Probe: { kind: 'add', code: {} } } }";
    expect(load(verified(probeCode({ exported: notAClass })))).toThrow(/classes.Probe.code: must be a class, got an object/);
    const throwing = "{ from: '0', to: '1', get classes() { throw new Error('lazy'); } }";
    expect(load(verified(probeCode({ exported: throwing })))).toThrow(/: reading the exported patch threw \(Error: lazy\)/);
  });

  it('checks the classes the code says it means against the signed declaration', () => {
    const running = `${probeCode()}\nmodule.exports.classes = 'running';`;
    expect(loadBundle(verified(running, { ...PROBE_DECLARATION, classes: 'running' }), { modules: HOST_MODULES }).to).toBe('1');
    for (const [code, declaration] of [[running, PROBE_DECLARATION], [probeCode(), { ...PROBE_DECLARATION, classes: 'running' }]] as const) {
      const bundle = verified(code, declaration);
      expect(load(bundle)).toThrow(BundleDeclarationError);
      expect(load(bundle)).toThrow(`loadBundle failed: the patch ${bundle.id} loads differs from its declaration at 'classes'`);
    }
    const unknown = verified(`${probeCode()}\nmodule.exports.classes = 'patched';`);
    expect(load(unknown)).toThrow(/exports no valid patch step \(the export 'classes': must be one of "shipped", "running", got the string "patched"\)/);
  });

  it.each([
    ['its versions', "{ from: '0', to: '2', classes: { Probe: { kind: 'add', code: Probe } } }", 'to'],
    ['its classes', "{ from: '0', to: '1', classes: { Other: { kind: 'add', code: Probe } } }", 'changes.classes.Other'],
    ['the fields of its code', "{ from: '0', to: '1', classes: { Probe: { kind: 'add', code: class extends Probe { static fields = ['m']; } } } }", 'changes.classes.Probe.fields[0]'],
    ['its validations', "{ from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } }, validations: { Probe: () => undefined } }", 'changes.validations'],
  ])('refuses a patch that differs from the declaration in %s, naming where', (_what, exported, where) => {
    const bundle = verified(probeCode({ exported }), PROBE_DECLARATION);
    expect(load(bundle)).toThrow(BundleDeclarationError);
    expect(load(bundle)).toThrow(
      `loadBundle failed: the patch ${bundle.id} loads differs from its declaration at '${where}'; the bundle was not made by \`tickswap patch build\` from this code: build it again`,
    );
  });
});
