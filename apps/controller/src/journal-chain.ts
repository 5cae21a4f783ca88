import type { UpdateLogEntry } from '@tickswap/control-loop';
import { JournalError } from './update-journal';

/** The committed updates a journal leaves in force, oldest first, and the version they produce. */
export interface CommittedChain {
  /** The update id of each committed update still in force, in the order they were committed: a patch module's name or path, or a bundle's patch id. */
  readonly ids: readonly string[];
  /** The version running after them (`base` when there are none). */
  readonly version: string;
}

/**
 * Replays the journal's commits and rollbacks from the base version: a
 * `committed` entry adds its patch (the entry's `id` names its module or bundle), a
 * `rolled-back` one removes the latest; other outcomes change nothing.
 * Throws JournalError when an entry does not follow from the version before
 * it (a journal of another robot, or edited by hand).
 *
 * @example
 * committedChain(readJournal(path).entries, '0'); // { ids: ['pid-integral-limit'], version: '1' }
 */
export function committedChain(entries: readonly UpdateLogEntry[], base: string): CommittedChain {
  const chain: UpdateLogEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.event !== 'committed' && entry.event !== 'rolled-back') continue;
    const running = chain.at(-1)?.to ?? base;
    const follows = entry.event === 'committed' ? entry.from === running : entry.to === running && chain.length > 0;
    if (!follows) {
      throw new JournalError(
        `committedChain failed: entry ${index + 1} (${entry.event} '${entry.id}' ${entry.from} -> ${entry.to}) does not follow from version '${running}'; the journal is not this controller's: move it away to start on version '${base}'`,
      );
    }
    if (entry.event === 'committed') chain.push(entry);
    else chain.pop();
  }
  return { ids: chain.map((entry) => entry.id), version: chain.at(-1)?.to ?? base };
}
