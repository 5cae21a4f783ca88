import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DerivedPackage } from './derive-patch-package';
import { DeriveError } from './errors';

/**
 * Writes a derived patch package into `dir` (created as needed). Refuses
 * a folder that already holds a `patch.ts` unless `overwrite`: a package
 * whose stubs were filled in must not be lost to a new derivation.
 *
 * @example
 * await writePatchPackage('patches/pid-bias', derivePatchPackage(options));
 */
export async function writePatchPackage(dir: string, derived: DerivedPackage, overwrite = false): Promise<void> {
  if (!overwrite && existsSync(join(dir, 'patch.ts'))) {
    throw new DeriveError(`writePatchPackage failed: ${join(dir, 'patch.ts')} exists; choose another --out, or remove it if nothing in it is yours`);
  }
  for (const [path, text] of derived.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
