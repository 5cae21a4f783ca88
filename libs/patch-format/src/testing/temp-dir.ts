// A fresh folder for each test of a spec file, removed after it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Registers hooks that give each test its own temporary folder; returns
 * the current test's folder.
 *
 * @example
 * const dir = tempDir('tickswap-keys-');
 * it('writes', async () => writeFile(join(dir(), 'x'), ''));
 */
export function tempDir(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  return () => dir;
}

/**
 * Writes a folder of files (name -> text) and returns its path.
 *
 * @example
 * const dir = await writeFolder(join(root(), 'patch'), { 'patch.ts': 'export default {};' });
 */
export async function writeFolder(dir: string, files: Readonly<Record<string, string>>): Promise<string> {
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  return dir;
}
