import { Subject, type Observable } from 'rxjs';
import type { UpdateLogEntry } from './update-log-entry';

/**
 * The updates of a running loop, in memory, oldest first: every commit,
 * rollback and outcome, with its downtime. `entries$` tells listeners (the
 * controller prints each entry and appends it to its journal on disk).
 * Entries are logged between ticks, never from inside the boundary.
 *
 * @example
 * swap.log.entries$.subscribe((entry) => journal.append(entry));
 * swap.log.entries.filter((e) => e.event === 'committed');
 */
export class UpdateLog {
  private readonly list: UpdateLogEntry[] = [];
  private readonly subject = new Subject<UpdateLogEntry>();
  /** Emits every entry as it is appended. */
  readonly entries$: Observable<UpdateLogEntry> = this.subject.asObservable();

  /** Every entry so far, oldest first. */
  get entries(): readonly UpdateLogEntry[] {
    return this.list;
  }

  /** Appends an entry and tells the listeners. */
  append(entry: UpdateLogEntry): void {
    this.list.push(Object.freeze(entry));
    this.subject.next(entry);
  }
}
