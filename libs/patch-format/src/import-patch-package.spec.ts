import { join } from 'node:path';
import { BundleBuildError } from './errors';
import { importPatchPackage } from './import-patch-package';
import { tempDir, writeFolder } from './testing/temp-dir';

const root = tempDir('tickswap-import-');

describe('importPatchPackage', () => {
  it("gives the patch a package's patch.ts default-exports, from its source", async () => {
    const dir = await writeFolder(join(root(), 'ok'), { 'patch.ts': "export default { from: '0', to: '1', classes: {} };" });
    expect(importPatchPackage(dir)).toEqual({ from: '0', to: '1', classes: {} });
  });

  it.each([
    ['a folder without patch.ts', {}, /^importPatchPackage failed: .*patch.ts does not exist; a patch package is a folder whose patch.ts default-exports the patch$/],
    ['a patch.ts that throws', { 'patch.ts': "throw new Error('no gains');" }, /^importPatchPackage failed: .*patch.ts threw while loading \(Error: no gains\); fix the patch package$/],
    ['a default export that is not a patch step', { 'patch.ts': "export default { from: '0', to: '1', steps: [] };" }, /^importPatchPackage failed: the default export of .*patch.ts is not a patch step \(is a composed patch/],
  ])('refuses %s', async (name, files, message) => {
    const dir = await writeFolder(join(root(), name.replace(/\W/g, '-')), files);
    expect(() => importPatchPackage(dir)).toThrow(BundleBuildError);
    expect(() => importPatchPackage(dir)).toThrow(message);
  });
});
