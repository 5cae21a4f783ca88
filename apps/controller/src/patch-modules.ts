import { isAbsolute, join, resolve } from 'node:path';
import type { Patch } from '@tickswap/dsu';
import type { PatchSource } from '@tickswap/validator';

/** The patch packages of the repository (`patches/<name>/patch.ts`) the controller knows by name (`--patch pid-integral-limit`). */
export const KNOWN_PATCHES: Readonly<Record<string, string>> = Object.freeze({
  'pid-integral-limit': join(__dirname, '..', '..', '..', 'patches', 'pid-integral-limit', 'patch.ts'),
});

/** A patch module could not be found, loaded, or does not export a patch; the message says which and what to do. */
export class PatchModuleError extends Error {
  override readonly name = 'PatchModuleError';
}

/**
 * How the controller names a patch module for good (in its update log and
 * journal): a known name as it is, a file as its absolute path.
 *
 * @example
 * patchModuleId('pid-integral-limit'); // 'pid-integral-limit'
 * patchModuleId('patches/mine.ts');    // '/work/robot/patches/mine.ts'
 */
export function patchModuleId(spec: string): string {
  return spec in KNOWN_PATCHES || isAbsolute(spec) ? spec : resolve(spec);
}

/**
 * Where the simulator gate's worker finds the code of a patch module: the
 * file it names (a known name's file, or the path).
 *
 * @example
 * patchModuleSource('pid-integral-limit'); // { kind: 'module', path: '/…/patches/pid-integral-limit/patch.ts' }
 */
export function patchModuleSource(spec: string): PatchSource {
  const id = patchModuleId(spec);
  return { kind: 'module', path: KNOWN_PATCHES[id] ?? id };
}

/**
 * Loads the patch a module exports as `patch` (a TypeScript module the
 * controller can import: a known name or a file). Rejects with
 * PatchModuleError when the module is missing, fails to load, or exports no
 * patch.
 *
 * @example
 * const patch = await loadPatchModule('pid-integral-limit'); // { from: '0', to: '1', ... }
 */
export async function loadPatchModule(spec: string): Promise<Patch> {
  const id = patchModuleId(spec);
  const file = KNOWN_PATCHES[id] ?? id;
  let loaded: { patch?: unknown };
  try {
    // An absolute path (not a file URL): both Node's import() and the test runner's require() take it.
    loaded = (await import(file)) as { patch?: unknown };
  } catch (error) {
    const known = Object.keys(KNOWN_PATCHES).join(', ');
    throw new PatchModuleError(`loadPatchModule failed: cannot load patch module '${spec}' (${file}): ${(error as Error).message}; give a file that exports 'patch', or one of: ${known}`, { cause: error });
  }
  const patch = loaded.patch as Partial<Patch> | undefined;
  if (typeof patch !== 'object' || patch === null || typeof patch.from !== 'string' || typeof patch.to !== 'string') {
    throw new PatchModuleError(`loadPatchModule failed: module '${spec}' (${file}) does not export a patch as 'patch' (an object with 'from' and 'to' versions); export one`);
  }
  return patch as Patch;
}
