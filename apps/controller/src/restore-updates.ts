import { BEHAVIOUR_CLASSES } from '@tickswap/behaviours';
import { Namespace, type Patch } from '@tickswap/dsu';
import type { TrustedKeys } from '@tickswap/patch-format';
import type { PatchSource } from '@tickswap/validator';
import { BundleStore, BundleStoreError } from './bundle-store';
import { committedChain } from './journal-chain';
import { loadBundleFor } from './load-bundle-for';
import { loadPatchModule, PatchModuleError, patchModuleSource } from './patch-modules';
import { readJournal } from './update-journal';

/** What was restored from the journal before the loop starts. */
export interface RestoredUpdates {
  /** The committed patches in force, in order: give them to the controller (`updates`). */
  readonly patches: readonly Patch[];
  /** The version they produce. */
  readonly version: string;
  /** Their update ids, as the journal names them (patch module names or paths, bundle patch ids). */
  readonly ids: readonly string[];
  /** Where the code of each comes from, for the simulator gate's worker. */
  readonly sources: readonly PatchSource[];
  /** What to tell the user (one line), or undefined when the journal holds no commit. */
  readonly message: string | undefined;
}

/** A restored patch, where its code comes from, and the namespace it produces (what the next patch applies to). */
interface RestoredPatch {
  readonly patch: Patch;
  readonly source: PatchSource;
  readonly next: Namespace;
}

/**
 * One committed patch, from its stored bundle (verified again with today's
 * trust list, loaded against `running`, the namespace it applied to) or its
 * module, applied to `running`.
 */
async function restoreOne(id: string, running: Namespace, store: BundleStore, trustedKeys: TrustedKeys): Promise<RestoredPatch> {
  const bundle = store.read(id);
  if (bundle === undefined) {
    const patch = await loadPatchModule(id);
    return { patch, source: patchModuleSource(id), next: running.apply(patch) };
  }
  try {
    const { verified, patch } = loadBundleFor(bundle, trustedKeys, running);
    return { patch, source: { kind: 'bundle', bundle: verified }, next: running.apply(patch) };
  } catch (error) {
    throw new BundleStoreError(`its stored bundle ${store.pathOf(id)} no longer verifies or applies: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads the update journal and loads every patch still in force, so the
 * controller comes back on the last committed version: a patch received over
 * MQTT from the bundle stored beside the journal (`BundleStore`), verified
 * again with `trustedKeys` (a key no longer trusted does not come back) and
 * loaded against the namespace of its point of the chain (the shipped
 * behaviours at `base`, then each patch before it), a `--patch` module
 * from its module. Rejects with JournalError (corrupt
 * journal), PatchModuleError (a module cannot be loaded) or BundleStoreError
 * (a stored bundle is missing its trust or is damaged), each naming the patch
 * and what to do: the controller must then refuse to start rather than run
 * another version than the one the robot last committed.
 *
 * @example
 * const restored = await restoreUpdates('tickswap-updates.log', '0', trustedKeys);
 * new Controller({ ...options, updates: restored.patches });
 */
export async function restoreUpdates(journalPath: string, base: string, trustedKeys: TrustedKeys): Promise<RestoredUpdates> {
  const { entries, torn } = readJournal(journalPath);
  const chain = committedChain(entries, base);
  const store = new BundleStore(journalPath);
  const patches: Patch[] = [];
  const sources: PatchSource[] = [];
  // The classes each patch applied to, as the chain built them up: a bundle that means the running classes is loaded against them.
  let running = Namespace.of(base, BEHAVIOUR_CLASSES);
  for (const id of chain.ids) {
    try {
      const { patch, source, next } = await restoreOne(id, running, store, trustedKeys);
      running = next;
      patches.push(patch);
      sources.push(source);
    } catch (error) {
      const Failure = error instanceof BundleStoreError ? BundleStoreError : PatchModuleError;
      const what = error instanceof BundleStoreError ? 'restore its bundle or trust its key again (--trust)' : 'restore the module';
      throw new Failure(
        `restoreUpdates failed: ${journalPath} says version ${chain.version} runs, committed by patch '${id}', which cannot be loaded (${(error as Error).message}); ${what}, or move the journal away to start on version ${base}`,
        { cause: error },
      );
    }
  }
  const tornNote = torn ? ' (its last line was cut short by a crash and is ignored)' : '';
  const message = chain.ids.length === 0 ? (torn ? `update journal ${journalPath}${tornNote}` : undefined) : `restored version ${chain.version} from ${journalPath}${tornNote}: ${chain.ids.join(', ')}`;
  return { patches, version: chain.version, ids: chain.ids, sources, message };
}
