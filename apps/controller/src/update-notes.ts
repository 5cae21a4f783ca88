import type { Patch } from '@tickswap/dsu';
import { declarationLines, describePatch, ShapeProblem } from '@tickswap/patch-format';

/** Updates whose notes are kept: the ones in flight and a few after (a mark comes once the tick after the swap ran). */
const KEPT = 32;

/**
 * What each update the controller admitted changes and how the gate judged
 * it, a line each, by update id: the declared changes of its patch (as
 * `tickswap patch inspect` words them) and the verdict. Telemetry attaches
 * them to the update's mark, so the dashboard shows them beside the update.
 *
 * @example
 * notes.admit('1-4c436e0e8a30', patch, 'the simulator gate accepted 0 -> 1: ...');
 * notes.of('1-4c436e0e8a30'); // ['Pid: replace (...; rename integral -> integralSum)', 'the simulator gate accepted 0 -> 1: ...']
 */
export class UpdateNotes {
  private readonly notes = new Map<string, readonly string[]>();

  /** Notes patch `id` as admitted with `verdict`; the oldest notes go beyond {@link KEPT}. */
  admit(id: string, patch: Patch, verdict: string): void {
    this.notes.delete(id);
    this.notes.set(id, [...changesOf(patch), verdict]);
    for (const oldest of this.notes.keys()) {
      if (this.notes.size <= KEPT) break;
      this.notes.delete(oldest);
    }
  }

  /** The notes of update `id`, if it was admitted lately. */
  of(id: string): readonly string[] | undefined {
    return this.notes.get(id);
  }
}

/** The declared changes of a patch step in words; a composed patch is not described. */
function changesOf(patch: Patch): string[] {
  if ('steps' in patch) return [`${patch.steps.length} composed steps`];
  try {
    return declarationLines(describePatch(patch).changes);
  } catch (error) {
    // A patch module may hold what a bundle could not declare; the robot runs it all the same.
    if (!(error instanceof ShapeProblem)) throw error;
    return [`changes not described: ${error.message}`];
  }
}
