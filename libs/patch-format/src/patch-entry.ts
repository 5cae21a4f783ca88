import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BundleBuildError } from './errors';

/**
 * The manifest of a patch package: `<dir>/patch.ts`, which must exist
 * (`method` names the caller in the error).
 *
 * @example
 * patchEntry('patches/pid-integral-limit', 'buildBundle'); // '/work/.../patches/pid-integral-limit/patch.ts'
 */
export function patchEntry(dir: string, method: string): string {
  const entry = join(resolve(dir), 'patch.ts');
  if (!existsSync(entry)) {
    throw new BundleBuildError(`${method} failed: ${entry} does not exist; a patch package is a folder whose patch.ts default-exports the patch`);
  }
  return entry;
}
