import type { FieldModel } from './class-model';
import { compatibleTypes } from './field-types';

/** A field that may be a removed one renamed, with how alike their usages are (0..1). */
export interface RenameCandidate {
  readonly to: string;
  readonly score: number;
}

/** Below this score a pair is still listed as a candidate but not guessed as a rename. */
export const RENAME_THRESHOLD = 0.4;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, prefix: string): number {
  const left = [...a].filter((usage) => usage.startsWith(prefix));
  const right = new Set([...b].filter((usage) => usage.startsWith(prefix)));
  const shared = left.filter((usage) => right.has(usage)).length;
  const union = left.length + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** How alike two names are: the share of their character pairs in common (Dice), so `integral` ~ `integralSum`. */
function nameLikeness(a: string, b: string): number {
  const pairs = (name: string): string[] => [...name.toLowerCase()].slice(1).map((char, i) => `${name[i]?.toLowerCase()}${char}`);
  const left = pairs(a);
  const right = pairs(b);
  if (left.length + right.length === 0) return 0;
  const pool = [...right];
  let shared = 0;
  for (const pair of left) {
    const at = pool.indexOf(pair);
    if (at >= 0) {
      shared += 1;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * How likely `fresh` is `old` renamed: 0 when their types are not
 * compatible; otherwise the likeness of the statements that use them (70 %),
 * of the members that use them (20 %) and of their names (10 %).
 *
 * @example
 * renameScore(oldPid.field('integral'), newPid.field('integralSum')); // 0.9...
 */
export function renameScore(old: FieldModel, fresh: FieldModel): number {
  if (!compatibleTypes(old.type, fresh.type)) return 0;
  const score = 0.7 * jaccard(old.usages, fresh.usages, 's:') + 0.2 * jaccard(old.usages, fresh.usages, 'm:') + 0.1 * nameLikeness(old.name, fresh.name);
  return Math.round(score * 100) / 100;
}

/**
 * Every added field of compatible type, ranked by {@link renameScore}
 * (best first), for one removed field.
 *
 * @example
 * renameCandidates(integral, [integralSum, bias]); // [{ to: 'integralSum', score: 0.93 }, { to: 'bias', score: 0.05 }]
 */
export function renameCandidates(old: FieldModel, added: readonly FieldModel[]): RenameCandidate[] {
  return added
    .map((fresh) => ({ to: fresh.name, score: renameScore(old, fresh) }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.to.localeCompare(b.to));
}

/**
 * The renames to guess: the best-scoring pairs first, each field used once,
 * and only pairs at or above {@link RENAME_THRESHOLD}.
 *
 * @example
 * guessRenames(new Map([['integral', [{ to: 'integralSum', score: 0.93 }]]])); // Map { 'integral' => { to: 'integralSum', score: 0.93 } }
 */
export function guessRenames(candidates: ReadonlyMap<string, readonly RenameCandidate[]>): Map<string, RenameCandidate> {
  const pairs = [...candidates].flatMap(([from, ranked]) => ranked.map((candidate) => ({ from, ...candidate })));
  pairs.sort((a, b) => b.score - a.score || a.from.localeCompare(b.from));
  const guesses = new Map<string, RenameCandidate>();
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (pair.score < RENAME_THRESHOLD || guesses.has(pair.from) || taken.has(pair.to)) continue;
    guesses.set(pair.from, { to: pair.to, score: pair.score });
    taken.add(pair.to);
  }
  return guesses;
}
