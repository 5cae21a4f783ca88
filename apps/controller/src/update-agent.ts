import type { Patch, Policy } from '@tickswap/dsu';
import type { Controller } from './controller';
import type { ControllerGate } from './controller-gate';
import { committedChain } from './journal-chain';
import { loadPatchModule, patchModuleId, PatchModuleError } from './patch-modules';
import { formatUpdate } from './update-line';
import { readJournal, UpdateJournal } from './update-journal';

/** What was restored from the journal before the loop starts. */
export interface RestoredUpdates {
  /** The committed patches in force, in order: give them to the controller (`updates`). */
  readonly patches: readonly Patch[];
  /** The version they produce. */
  readonly version: string;
  /** The patch modules of those patches, as the journal names them. */
  readonly modules: readonly string[];
  /** What to tell the user (one line), or undefined when the journal holds no commit. */
  readonly message: string | undefined;
}

/**
 * Reads the update journal and loads every patch still in force, so the
 * controller comes back on the last committed version. Rejects with
 * JournalError (corrupt journal) or PatchModuleError naming the missing
 * module: the controller must then refuse to start rather than run another
 * version than the one the robot last committed.
 *
 * @example
 * const restored = await restoreUpdates('tickswap-updates.log', '0');
 * new Controller({ ...options, updates: restored.patches });
 */
export async function restoreUpdates(journalPath: string, base: string): Promise<RestoredUpdates> {
  const { entries, torn } = readJournal(journalPath);
  const chain = committedChain(entries, base);
  const patches: Patch[] = [];
  for (const module of chain.modules) {
    try {
      patches.push(await loadPatchModule(module));
    } catch (error) {
      throw new PatchModuleError(
        `restoreUpdates failed: ${journalPath} says version ${chain.version} runs, committed by patch '${module}', which cannot be loaded (${(error as Error).message}); restore the module, or move the journal away to start on version ${base}`,
        { cause: error },
      );
    }
  }
  const tornNote = torn ? ' (its last line was cut short by a crash and is ignored)' : '';
  const message = chain.modules.length === 0 ? (torn ? `update journal ${journalPath}${tornNote}` : undefined) : `restored version ${chain.version} from ${journalPath}${tornNote}: ${chain.modules.join(', ')}`;
  return { patches, version: chain.version, modules: chain.modules, message };
}

/** What {@link followUpdates} does. */
export interface FollowOptions {
  readonly journalPath: string;
  /** Patch modules to apply, one after the other (`--patch`). */
  readonly patches: readonly string[];
  /** Seconds after the loop starts to request the first one (`--apply-after`). */
  readonly applyAfterS: number;
  readonly policy: Policy;
  /** Prints a line (stdout). */
  readonly print: (line: string) => void;
  /** The simulator gate every patch must pass before its update is prepared (without one, none is checked). */
  readonly gate?: ControllerGate;
}

/**
 * Journals and prints every entry of the controller's update log, and
 * requests the `--patch` modules, the first `applyAfterS` seconds from now
 * (wall clock), each once the previous one has its outcome. Returns a
 * function that waits for the journal's writes and closes it.
 *
 * @example
 * const close = await followUpdates(controller, { journalPath, patches: ['pid-integral-limit'], applyAfterS: 1, policy: 'prepared', print: console.log });
 * await controller.stopped;
 * await close();
 */
export async function followUpdates(controller: Controller, options: FollowOptions): Promise<() => Promise<void>> {
  const journal = await UpdateJournal.open(options.journalPath);
  const subscription = controller.hotSwap.log.entries$.subscribe((entry) => {
    journal.append(entry);
    options.print(formatUpdate(entry));
  });
  const request = async (spec: string): Promise<void> => {
    try {
      const patch = await loadPatchModule(spec);
      if (options.gate !== undefined && !(await options.gate.admit(spec, patch, options.policy))) return;
      await controller.hotSwap.request(patch, { id: patchModuleId(spec), policy: options.policy });
    } catch (error) {
      options.print(`update ${spec}: not requested: ${(error as Error).message}`);
    }
  };
  const timer = setTimeout(() => {
    void options.patches.reduce((previous, spec) => previous.then(() => request(spec)), Promise.resolve());
  }, options.applyAfterS * 1000);
  return async () => {
    clearTimeout(timer);
    subscription.unsubscribe();
    await journal.close();
  };
}
