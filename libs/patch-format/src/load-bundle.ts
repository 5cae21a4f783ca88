import type { PatchStep } from '@tickswap/dsu';
import { describePatch } from './describe-patch';
import { BundleDeclarationError, BundleLoadError } from './errors';
import { CodeProblem, evaluatePatchCode, type ModuleMap, type PatchExports } from './evaluate-patch-code';
import { jsonDifference } from './json-difference';
import { ShapeProblem } from './schema';
import { isVerified, type VerifiedBundle } from './verify-bundle';

/** What `loadBundle` gives a bundle's code. */
export interface LoadOptions {
  /**
   * The host's own modules a patch may require, by package name (typically
   * every `@tickswap/*` package the controller runs, and `rxjs`): the
   * patch's classes extend these very classes.
   */
  readonly modules: ModuleMap;
}

/**
 * The dsu patch of a verified bundle: runs its code in the host's realm
 * with `require` resolving to `modules`, then checks that the patch it
 * exports is the one the bundle declares (versions, classes, kinds, fields,
 * field changes, migrations, validations, inverse, and the classes its
 * `@tickswap/behaviours` means: give `modules` from `modulesFor`). Refuses anything that
 * did not come from `verifyBundle` without running it. Throws
 * `BundleLoadError` (not verified, the code threw or required a module not
 * given, no default export) or `BundleDeclarationError` (the patch differs
 * from the declaration).
 *
 * @example
 * const patch = loadBundle(verifyBundle(payload, options), { modules: { '@tickswap/behaviours': behaviours } });
 * live.prepare(patch, { policy: 'prepared' });
 */
export function loadBundle(bundle: VerifiedBundle, options: LoadOptions): PatchStep {
  if (!isVerified(bundle)) {
    throw new BundleLoadError('loadBundle failed: the bundle did not come from verifyBundle; verify it first (loadBundle runs verified code only)');
  }
  let exported: PatchExports;
  try {
    exported = evaluatePatchCode(bundle.code, options.modules, `tickswap-patch/${bundle.id}.js`);
  } catch (error) {
    if (!(error instanceof CodeProblem)) throw error;
    throw new BundleLoadError(`loadBundle failed: patch ${bundle.id}: ${error.message}; fix the patch package, build and sign it again`, { cause: error.cause });
  }
  const { from, to, changes, classes } = bundle;
  const declared = { from, to, changes, ...(classes === undefined ? {} : { classes }) };
  let loaded: unknown;
  try {
    loaded = describePatch(exported.patch as PatchStep, exported.classes);
  } catch (error) {
    if (error instanceof ShapeProblem) {
      throw new BundleDeclarationError(`loadBundle failed: patch ${bundle.id} exports no valid patch step (${error.message}); fix the patch package and build it again`);
    }
    // A getter of the exported patch threw: still the patch's own code failing.
    throw new BundleLoadError(`loadBundle failed: patch ${bundle.id}: reading the exported patch threw (${String(error)}); fix the patch package, build and sign it again`, { cause: error });
  }
  const difference = jsonDifference(loaded, declared);
  if (difference !== undefined) {
    throw new BundleDeclarationError(
      `loadBundle failed: the patch ${bundle.id} loads differs from its declaration at '${difference || 'the root'}'; ` +
        'the bundle was not made by `tickswap patch build` from this code: build it again',
    );
  }
  return exported.patch as PatchStep;
}
