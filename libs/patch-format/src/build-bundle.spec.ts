import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildBundle } from './build-bundle';
import { BundleBuildError } from './errors';
import { parseBundle } from './parse-bundle';
import { tempDir, writeFolder } from './testing/temp-dir';

const root = tempDir('tickswap-build-');
const patchPackage = (files: Readonly<Record<string, string>>) => writeFolder(join(root(), 'patch'), files);

const PROBE = `
import { Behaviour } from '@tickswap/behaviours';
import type { PatchStep } from '@tickswap/dsu';
import { gain } from './gain';
export class Probe extends Behaviour<number, number> {
  static readonly fields = ['n'] as const;
  n = gain;
  update(): number { return this.n; }
}
const patch: PatchStep = { from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } } };
export default patch;
`;

describe('buildBundle', () => {
  it('bundles the package with its own files, leaves the runtime packages as imports, declares the patch', async () => {
    const dir = await patchPackage({ 'patch.ts': PROBE, 'gain.ts': 'export const gain = 3;' });
    const bundle = await buildBundle(dir);
    expect(parseBundle(JSON.stringify(bundle))).toEqual(bundle);
    expect(bundle).toMatchObject({ format: 'tickswap.patch/1', from: '0', to: '1', changes: { classes: { Probe: { kind: 'add', fields: ['n'] } } } });
    expect(bundle.id).toMatch(/^1-[0-9a-f]{12}$/);
    expect(bundle.code).toContain('require("@tickswap/behaviours")');
    expect(bundle.code).toContain('gain = 3');
    expect(bundle.code).not.toContain('@tickswap/dsu');
    expect(bundle.signature).toBeUndefined();
  });

  it('gives the same bundle for the same package, wherever it is', async () => {
    const dir = await patchPackage({ 'patch.ts': PROBE, 'gain.ts': 'export const gain = 3;' });
    const elsewhere = await writeFolder(join(root(), 'elsewhere'), { 'patch.ts': PROBE, 'gain.ts': 'export const gain = 3;' });
    expect(await buildBundle(elsewhere)).toEqual(await buildBundle(dir));
  });

  it('carries the classes patch.ts says its @tickswap/behaviours import means, and nothing when it says none', async () => {
    const declared = await buildBundle(await patchPackage({ 'patch.ts': `${PROBE}export const classes = 'running';\n`, 'gain.ts': 'export const gain = 3;' }));
    expect(declared.classes).toBe('running');
    expect(parseBundle(JSON.stringify(declared))).toEqual(declared);
    const plain = await buildBundle(await patchPackage({ 'patch.ts': PROBE, 'gain.ts': 'export const gain = 3;' }));
    expect(plain).not.toHaveProperty('classes');
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    ['a folder without patch.ts', { 'index.ts': PROBE }, /patch.ts does not exist; a patch package is a folder whose patch.ts default-exports the patch/],
    ['code esbuild cannot read', { 'patch.ts': 'export default {' }, /esbuild could not bundle .*patch.ts:\n {2}patch.ts:1:\d+: /],
    ['an import of a Node module', { 'patch.ts': `import { readFileSync } from 'node:fs';\n${PROBE}`.replace('n = gain', 'n = readFileSync.length'), 'gain.ts': '' }, /imports 'node:fs'; a patch may import only the runtime's packages \(@tickswap\/\*, rxjs\)/],
    ['a copy of code from outside the package', { 'patch.ts': PROBE.replace("'./gain'", "'../outside'") }, /bundles \.\.\/outside.ts, from outside the package: a copy of the runtime's code/],
    ['a composed patch', { 'patch.ts': "export default { from: '0', to: '2', steps: [] };" }, /patch.ts: is a composed patch; bundle each step as a patch of its own/],
    ['no default export', { 'patch.ts': 'export const patch = 1;' }, /patch.ts: the code has no default export/],
    ['code that throws as it loads', { 'patch.ts': "throw new Error('no config');\nexport default {};" }, /patch.ts: the code threw while loading \(Error: no config\)/],
    ['a stub left to fill in', { 'patch.ts': PROBE, 'gain.ts': '// TODO(tickswap): Probe.n is new: write its value\nexport const gain = 3;' }, /has 1 stub\(s\) to fill in \(TODO\(tickswap\)\):\n {2}gain\.ts:1: \/\/ TODO\(tickswap\): Probe\.n is new: write its value\nwrite each migration/],
    ['an unknown meaning of its behaviour classes', { 'patch.ts': `${PROBE}export const classes = 'patched';\n`, 'gain.ts': 'export const gain = 3;' }, /patch.ts: the export 'classes': must be one of "shipped", "running", got the string "patched"/],
    ['a version the format does not allow', { 'patch.ts': "export default { from: '0', to: 'one two' };" }, /patch.ts: to: must be a version/],
  ];

  it.each(refusals)('refuses %s, saying why', async (_what, files, message) => {
    await writeFile(join(root(), 'outside.ts'), 'export const gain = 1;');
    const building = buildBundle(await patchPackage(files));
    await expect(building).rejects.toThrow(BundleBuildError);
    await expect(building).rejects.toThrow(message);
  });
});
