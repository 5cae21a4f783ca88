import type { DerivedChanges, DerivedClassChange } from './derived-changes';

function fieldLines(change: DerivedClassChange): string[] {
  const init = (field: DerivedClassChange['added'][number]): string => (field.init.kind === 'stub' ? `stub to fill in: ${field.init.why}` : `= ${field.init.text}`);
  return [
    ...change.renamed.map((r) => {
      if (r.score === undefined) return `  ~ ${r.from} -> ${r.to} (given)`;
      const others = (change.candidates.get(r.from) ?? []).filter((c) => c.to !== r.to).map((c) => `${c.to} ${c.score}`);
      return `  ~ ${r.from} -> ${r.to} (guessed, score ${r.score}${others.length > 0 ? `; also ${others.join(', ')}` : ''}; override with --rename ${change.name}.${r.from}=<field> or --no-rename ${change.name}.${r.from})`;
    }),
    ...change.added.map((field) => `  + ${field.name}: ${field.type} ${init(field)}`),
    ...change.removed.map((name) => {
      const ranked = change.candidates.get(name) ?? [];
      return `  - ${name}${ranked.length > 0 ? ` (candidates for a rename: ${ranked.map((c) => `${c.to} ${c.score}`).join(', ')}; --rename ${change.name}.${name}=<field>)` : ''}`;
    }),
    ...change.retyped.map((r) => `  ! ${r.field}: ${r.from} -> ${r.to} (stub to fill in: its values need a migration)`),
    ...(change.superclass === undefined ? [] : [`  superclass ${change.superclass.from ?? 'none'} -> ${change.superclass.to ?? 'none'}`]),
  ];
}

/**
 * The derived changes as lines for a terminal: each class with its kind
 * and why, then its fields (`~` renamed, `+` added, `-` removed, `!`
 * retyped), each guess with its score and how to override it.
 *
 * @example
 * changeLines(changes); // ['Pid: replace (code changed)', '  ~ integral -> integralSum (guessed, score 0.98; ...)', '  + bias: number = 0.25']
 */
export function changeLines(changes: DerivedChanges): string[] {
  if (changes.classes.length === 0 && changes.moved.length === 0) return ['no behaviour class changed'];
  return [
    ...changes.classes.flatMap((change) => [`${change.name}: ${change.kind} (${change.reasons.join('; ')})`, ...fieldLines(change)]),
    ...changes.moved.map((m) => `${m.name}: moved from ${m.from} to ${m.to} (the same class: nothing to patch)`),
  ];
}
