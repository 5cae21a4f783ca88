import type { UpdateLog, UpdateLogEntry } from '@tickswap/control-loop';
import type { TickTelemetry, UpdateMark } from '@tickswap/telemetry';

/**
 * The telemetry mark of a swap in the update log: a commit (from the
 * patch's version to its target) or a rollback (back from the target), at
 * the tick whose boundary swapped, with that boundary's measured pause and
 * the update's `notes` (what it changes, its verdict) when there are some;
 * `undefined` for entries that swapped nothing (kept, refused, ...).
 *
 * @example
 * updateMark(entry); // { tick: 1002, kind: 'commit', from: '0', to: '1', pauseMs: 0.21, id: 'pid-integral-limit' }
 */
export function updateMark(entry: UpdateLogEntry, notes?: readonly string[]): UpdateMark | undefined {
  const { event, tick, downtime } = entry;
  if ((event !== 'committed' && event !== 'rolled-back') || tick === undefined || downtime === undefined) return undefined;
  const commit = event === 'committed';
  return {
    tick,
    kind: commit ? 'commit' : 'rollback',
    from: commit ? entry.from : entry.to,
    to: entry.version,
    pauseMs: downtime.boundaryMs,
    id: entry.id,
    ...(commit || entry.reason === undefined ? {} : { reason: entry.reason }),
    ...(notes === undefined ? {} : { notes }),
  };
}

/**
 * Marks every commit and rollback of the hot swap's update log in
 * telemetry, as the log gets it (between ticks, once the tick after the
 * swap has run), so each update is reported with its pause and its per-tick
 * window, and with the notes `notesOf` has for its id. A mark telemetry refuses is handed to `refused` rather than
 * thrown: the robot drives on without that report. Returns a function that
 * stops marking.
 *
 * @example
 * const stop = markUpdates(controller.hotSwap.log, telemetry, (error) => console.log(error.message));
 */
export function markUpdates(
  log: UpdateLog,
  telemetry: Pick<TickTelemetry, 'markUpdate'>,
  refused: (error: Error) => void,
  notesOf: (id: string) => readonly string[] | undefined = () => undefined,
): () => void {
  const subscription = log.entries$.subscribe((entry) => {
    const mark = updateMark(entry, notesOf(entry.id));
    if (mark === undefined) return;
    try {
      telemetry.markUpdate(mark);
    } catch (error) {
      refused(error as Error);
    }
  });
  return () => subscription.unsubscribe();
}
