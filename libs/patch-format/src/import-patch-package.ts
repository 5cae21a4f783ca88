import type { PatchStep } from '@tickswap/dsu';
import { describePatch } from './describe-patch';
import { BundleBuildError } from './errors';
import { hostRequire } from './host-require';
import { patchEntry } from './patch-entry';
import { ShapeProblem } from './schema';

/**
 * The patch of a patch package, imported in this process from its source,
 * unbundled and unsigned: for live development at a desk and for tests,
 * where the package's imports of the runtime resolve to this process's own
 * modules. A robot in the field loads signed bundles instead (`loadBundle`).
 * Throws `BundleBuildError` when there is no `patch.ts`, it throws while
 * loading, or its default export is not a patch step.
 *
 * @example
 * const patch = importPatchPackage('patches/pid-integral-limit');
 * live.update(patch);
 */
export function importPatchPackage(dir: string): PatchStep {
  const entry = patchEntry(dir, 'importPatchPackage');
  let exported: unknown;
  try {
    exported = (hostRequire(entry) as { default?: unknown }).default;
  } catch (error) {
    throw new BundleBuildError(`importPatchPackage failed: ${entry} threw while loading (${String(error)}); fix the patch package`, { cause: error });
  }
  try {
    describePatch(exported as PatchStep);
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    throw new BundleBuildError(`importPatchPackage failed: the default export of ${entry} is not a patch step (${error.message})`, { cause: error });
  }
  return exported as PatchStep;
}
