import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { UpdateLogEntry } from '@tickswap/control-loop';

/** The update journal could not be read (a line in the middle is corrupt); the message says where and what to do. */
export class JournalError extends Error {
  override readonly name = 'JournalError';
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * One line of the journal: a checksum of the entry's JSON, a space, the JSON.
 *
 * @example
 * journalLine(entry); // '3f9c2a1b0d4e5f60 {"event":"committed",...}\n'
 */
export function journalLine(entry: UpdateLogEntry): string {
  const json = JSON.stringify(entry);
  return `${digest(json)} ${json}\n`;
}

/**
 * Reads a journal written by {@link UpdateJournal}. A missing file is an
 * empty journal. Text after the last newline is a write the process did not
 * finish (a crash): it is ignored, and reported as `torn` when it fails its
 * checksum. Any other bad line throws JournalError.
 *
 * @example
 * const { entries, torn } = readJournal('tickswap-updates.log');
 */
export function readJournal(path: string): { entries: UpdateLogEntry[]; torn: boolean } {
  if (!existsSync(path)) return { entries: [], torn: false };
  const lines = readFileSync(path, 'utf8').split('\n');
  const last = lines.length - 1; // the text after the final newline: '' unless a write was cut short
  const entries: UpdateLogEntry[] = [];
  let torn = false;
  lines.forEach((line, index) => {
    if (line === '') return;
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    const sound = space === 16 && digest(json) === line.slice(0, 16);
    if (sound) entries.push(JSON.parse(json) as UpdateLogEntry);
    else if (index === last) torn = true;
    else throw new JournalError(`readJournal failed: line ${index + 1} of ${path} is corrupt (checksum mismatch) and is not the last one; restore the file from a backup or move it away to start on the base version`);
  });
  return { entries, torn };
}

/**
 * The update log on disk: append-only, one checksummed line per entry,
 * written and flushed to the disk (`datasync`) in order, off the control
 * loop (asynchronous file I/O; the loop never waits for the disk).
 *
 * @example
 * const journal = await UpdateJournal.open('tickswap-updates.log');
 * controller.hotSwap.log.entries$.subscribe((entry) => journal.append(entry));
 * await journal.close();
 */
export class UpdateJournal {
  private writes: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Opens (creating it if needed) the journal at `path` for appending. */
  static async open(path: string): Promise<UpdateJournal> {
    return new UpdateJournal(path, await open(path, 'a'));
  }

  /** Queues `entry` for the disk; returns at once. */
  append(entry: UpdateLogEntry): void {
    const line = journalLine(entry);
    this.writes = this.writes.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await this.handle.appendFile(line);
        await this.handle.datasync();
      } catch (error) {
        this.failure = error as Error;
      }
    });
  }

  /** Waits for the queued writes and closes the file; rejects if a write failed. */
  async close(): Promise<void> {
    await this.writes;
    await this.handle.close();
    if (this.failure !== undefined) {
      throw new JournalError(`UpdateJournal#append failed: ${this.path}: ${this.failure.message}; the update log on disk is incomplete, check the disk`, { cause: this.failure });
    }
  }
}
