import type { Policy } from '@tickswap/dsu';
import type { Controller } from './controller';
import type { ControllerGate } from './controller-gate';
import { loadPatchModule, patchModuleId } from './patch-modules';
import { formatUpdate } from './update-line';
import { UpdateJournal } from './update-journal';

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
