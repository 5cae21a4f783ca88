import type { TickRecord, TickRecords } from '@tickswap/control-loop';
import type { UpdateMark, UpdateMessage } from './telemetry-messages';
import { updateMessage, type SeenUpdate } from './update-message';

/** How an {@link UpdateTracker} waits and how much it keeps. */
export interface UpdateTrackerSettings {
  /** Ticks after the swapping tick in its window: it is due once they exist. */
  readonly after: number;
  /** Ticks an unmarked version change waits for its mark before it is reported as a plain version change. */
  readonly graceTicks: number;
  /** Marks, version changes and windows waiting, each at most; beyond, the oldest is dropped and counted. */
  readonly maxPending: number;
}

/** What became known at a settle: updates to report, and the updates whose windows can be cut now. */
export interface SettledUpdates {
  readonly updates: UpdateMessage[];
  readonly windowsDue: UpdateMessage[];
}

const RECENT_WINDOWS = 32;

/**
 * Finds the updates of a running loop, off the loop, and says when the
 * per-tick window around each can be cut: from the marks the hot-swap code
 * makes (commit, rollback) and from version changes between consecutive
 * records (an update nobody marked). A mark and a version change at the same
 * tick are one update. A window is due once its "after" ticks exist (or the
 * loop stopped).
 * Memory is bounded: at most `maxPending` of each kind wait.
 *
 * @example
 * const tracker = new UpdateTracker({ after: 800, graceTicks: 100, maxPending: 8 });
 * cursor.readNew((record) => tracker.noteRecord(record));
 * const { updates, windowsDue } = tracker.settle(loop.records, loop.state === 'stopped');
 */
export class UpdateTracker {
  private readonly marks: SeenUpdate[] = [];
  private readonly changes: SeenUpdate[] = [];
  private readonly windows: UpdateMessage[] = [];
  private readonly windowed: number[] = [];
  private previousVersion = Number.NaN;
  private droppedCount = 0;

  constructor(private readonly settings: UpdateTrackerSettings) {}

  /** Marks, version changes and windows dropped because too many waited. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Notes a mark from the hot-swap code (validated by the caller). */
  mark(mark: UpdateMark): void {
    const { tick, kind, pauseMs, id, reason, notes } = mark;
    this.keep(this.marks, { tick, kind, from: String(mark.from), to: String(mark.to), pauseMs, id, reason, notes });
  }

  /** Notes a tick record read off the loop, oldest first: a version different from the previous record's is an update at the previous tick. */
  noteRecord(record: TickRecord): void {
    const previous = this.previousVersion;
    this.previousVersion = record.version;
    if (previous !== previous || record.version === previous) return;
    this.keep(this.changes, { tick: record.index - 1, kind: 'version-change', from: String(previous), to: String(record.version) });
  }

  /**
   * Reports the updates whose next tick has run (unmarked version changes
   * after `graceTicks` more) and the updates whose windows' ticks all exist
   * (cut them with `captureWindow` soon: the ring moves on); `final` (the
   * loop stopped) reports both for whatever waits.
   */
  settle(records: TickRecords, final: boolean): SettledUpdates {
    const count = records.count;
    const updates: UpdateMessage[] = [];
    for (const mark of this.take(this.marks, (m) => final || count > m.tick + 1)) {
      this.take(this.changes, (change) => change.tick === mark.tick);
      updates.push(updateMessage(records, mark));
    }
    const grace = this.settings.graceTicks;
    for (const change of this.take(this.changes, (c) => final || count > c.tick + 1 + grace)) updates.push(updateMessage(records, change));
    updates.sort((a, b) => a.tick - b.tick);
    for (const update of updates) this.awaitWindow(update);

    const windowsDue = this.take(this.windows, (update) => final || count > update.tick + this.settings.after);
    for (const update of windowsDue) {
      this.windowed.push(update.tick);
      if (this.windowed.length > RECENT_WINDOWS) this.windowed.shift();
    }
    return { updates, windowsDue };
  }

  /** A later report of the same tick (a late mark) updates the waiting window, and cuts none if it was cut already. */
  private awaitWindow(update: UpdateMessage): void {
    if (this.windowed.includes(update.tick)) return;
    const waiting = this.windows.findIndex((w) => w.tick === update.tick);
    if (waiting >= 0) this.windows[waiting] = update;
    else this.keep(this.windows, update);
  }

  private keep<T>(list: T[], item: T): void {
    list.push(item);
    if (list.length > this.settings.maxPending) {
      list.shift();
      this.droppedCount += 1;
    }
  }

  /** Removes and returns, in order, the items that satisfy `ready`. */
  private take<T>(list: T[], ready: (item: T) => boolean): T[] {
    const taken = list.filter(ready);
    const kept = list.filter((item) => !ready(item));
    list.splice(0, list.length, ...kept);
    return taken;
  }
}
