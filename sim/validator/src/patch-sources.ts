import { Namespace, type Patch } from '@tickswap/dsu';
import { BEHAVIOUR_CLASSES } from '@tickswap/behaviours';
import { loadBundle, modulesFor, verifyBundle, type TrustedKeys } from '@tickswap/patch-format';
import type { PatchSource, RunningVersion } from './gate-request';
import { runtimeModules } from './runtime-modules';

/** Names a source in messages. */
export function sourceName(source: PatchSource): string {
  return source.kind === 'module' ? `module ${source.path}` : `bundle ${source.bundle.id}`;
}

function fromModule(path: string): Patch {
  // Required, not imported: the worker's TypeScript hooks are CommonJS ones (see gate-worker-boot).
  const exported = require(path) as { patch?: unknown; default?: unknown };
  const patch = (exported.patch ?? exported.default) as Partial<Patch> | undefined;
  if (typeof patch !== 'object' || patch === null || typeof patch.from !== 'string' || typeof patch.to !== 'string') {
    throw new Error(`module ${path} exports no patch as 'patch' or as its default export (an object with 'from' and 'to' versions); export one`);
  }
  return patch as Patch;
}

/**
 * Loads a patch for the namespace running before it: a module is required
 * in this thread; a bundle is verified again (signature by a trusted key,
 * digest, version) and its code evaluated with this thread's runtime
 * modules (with the classes `running` runs as its behaviours when the
 * bundle declares it means them). Throws an Error (or patch-format's typed errors)
 * saying what was wrong.
 *
 * @example
 * const patch = loadPatchSource({ kind: 'module', path: '/work/robot/patches/pid/patch.ts' }, Namespace.of('0', BEHAVIOUR_CLASSES), undefined);
 */
export function loadPatchSource(source: PatchSource, running: Namespace, trustedKeys: TrustedKeys | undefined): Patch {
  const runningVersion = running.version;
  if (source.kind === 'bundle') {
    if (trustedKeys === undefined) throw new Error(`bundle ${source.bundle.id} cannot be verified: the request has no trustedKeys; give the keys the robot trusts`);
    const verified = verifyBundle(source.bundle, { trustedKeys, runningVersion });
    return loadBundle(verified, { modules: modulesFor(verified, runtimeModules(), running) });
  }
  const patch = fromModule(source.path);
  if (patch.from !== runningVersion) {
    throw new Error(`module ${source.path} applies to version '${patch.from}' but version '${runningVersion}' runs; give a patch from version '${runningVersion}'`);
  }
  return patch;
}

/**
 * The namespace the robot runs: the shipped behaviours at the base version,
 * with each committed patch of the chain applied in order (classes only:
 * nothing is instantiated). Throws what the first failing patch threw.
 *
 * @example
 * runningNamespace({ base: '0', chain: [{ kind: 'module', path: pidPatch }] }, undefined).version; // '1'
 */
export function runningNamespace(running: RunningVersion, trustedKeys: TrustedKeys | undefined): Namespace {
  let namespace = Namespace.of(running.base, BEHAVIOUR_CLASSES);
  for (const source of running.chain) namespace = namespace.apply(loadPatchSource(source, namespace, trustedKeys));
  return namespace;
}
