import type { ClassMap, ClassModel, FieldModel } from './class-model';
import type { DerivedChanges, DerivedClassChange, DerivedRename, Retyped, StubNote } from './derived-changes';
import { RenameChoiceError } from './errors';
import { compatibleTypes } from './field-types';
import { planFieldInit } from './field-init';
import { guessRenames, renameCandidates, type RenameCandidate } from './rename-guess';

/** The user's word on renames, by `Class.field` (`--rename Pid.integral=integralSum`, `--no-rename Pid.integral`). */
export interface RenameChoices {
  readonly rename?: Readonly<Record<string, string>>;
  readonly noRename?: readonly string[];
  /** Skip a rename whose fields this derivation does not have, instead of refusing it (live development: choices outlive the save they were for). */
  readonly skipUnmatched?: boolean;
}

interface FieldDiff {
  readonly renamed: DerivedRename[];
  readonly candidates: Map<string, RenameCandidate[]>;
  readonly removed: FieldModel[];
  readonly added: FieldModel[];
}

/** Removed and added fields of one class, with the renames guessed among them and the user's choices applied. */
function diffFields(name: string, before: ClassModel, after: ClassModel, choices: RenameChoices): FieldDiff {
  const kept = new Set(after.fields.map((field) => field.name));
  const had = new Set(before.fields.map((field) => field.name));
  let removed = before.fields.filter((field) => !kept.has(field.name));
  let added = after.fields.filter((field) => !had.has(field.name));
  const candidates = new Map(removed.map((field) => [field.name, renameCandidates(field, added)]));
  const refused = new Set((choices.noRename ?? []).filter((key) => key.startsWith(`${name}.`)).map((key) => key.slice(name.length + 1)));
  const given = new Map(Object.entries(choices.rename ?? {}).filter(([key]) => key.startsWith(`${name}.`)).map(([key, to]) => [key.slice(name.length + 1), to]));
  for (const [from, to] of given) {
    if (choices.skipUnmatched === true && !(removed.some((field) => field.name === from) && added.some((field) => field.name === to))) {
      given.delete(from);
      continue;
    }
    if (!removed.some((field) => field.name === from)) throw new RenameChoiceError(`deriveChanges failed: --rename ${name}.${from}=${to}: ${name} has no removed field '${from}' (removed: ${removed.map((f) => f.name).join(', ') || 'none'})`);
    if (!added.some((field) => field.name === to)) throw new RenameChoiceError(`deriveChanges failed: --rename ${name}.${from}=${to}: ${name} has no added field '${to}' (added: ${added.map((f) => f.name).join(', ') || 'none'})`);
  }
  const open = new Map([...candidates].filter(([from]) => !refused.has(from) && !given.has(from)).map(([from, ranked]) => [from, ranked.filter((c) => ![...given.values()].includes(c.to))]));
  const renamed: DerivedRename[] = [
    ...[...given].map(([from, to]) => ({ from, to, score: undefined })),
    ...[...guessRenames(open)].map(([from, guess]) => ({ from, to: guess.to, score: guess.score })),
  ];
  removed = removed.filter((field) => !renamed.some((rename) => rename.from === field.name));
  added = added.filter((field) => !renamed.some((rename) => rename.to === field.name));
  return { renamed, candidates, removed, added };
}

/** The fields a class inherits, from its root class down (a cycle or a superclass outside the sources ends the walk). */
function inherited(model: ClassModel, classes: ClassMap): FieldModel[] {
  const chain: ClassModel[] = [];
  for (let parent = model.superclass === null ? undefined : classes.get(model.superclass); parent !== undefined && !chain.includes(parent); parent = parent.superclass === null ? undefined : classes.get(parent.superclass)) {
    chain.unshift(parent);
  }
  return chain.flatMap((ancestor) => ancestor.fields);
}

/** The change of a class present in both versions, or undefined when it is the same class. */
function compareClass(old: ClassModel, fresh: ClassModel, maps: { before: ClassMap; after: ClassMap }, choices: RenameChoices): DerivedClassChange | undefined {
  // With a new superclass an instance also gains and loses inherited fields: compare everything it holds.
  const moved = old.superclass !== fresh.superclass;
  const before = moved ? { ...old, fields: [...inherited(old, maps.before), ...old.fields] } : old;
  const after = moved ? { ...fresh, fields: [...inherited(fresh, maps.after), ...fresh.fields] } : fresh;
  const diff = diffFields(after.name, before, after, choices);
  const oldNames = new Map(before.fields.map((field) => [field.name, diff.renamed.find((r) => r.from === field.name)?.to ?? field.name]));
  const retyped: Retyped[] = after.fields.flatMap((field) => {
    const old = before.fields.find((candidate) => candidate.name === field.name);
    return old === undefined || compatibleTypes(old.type, field.type) ? [] : [{ field: field.name, from: old.type, to: field.type }];
  });
  const codeChanged = before.code !== after.code;
  // Module-level code (helpers, constants) is part of the class's behaviour; a move alone is not a change.
  const moduleChanged = before.file === after.file && before.module !== after.module;
  if (!codeChanged && !moduleChanged) return undefined;
  const reasons = [
    ...(codeChanged ? ['code changed'] : ['its module changed']),
    ...(before.file === after.file ? [] : [`moved from ${before.file}`]),
  ];
  return {
    name: after.name,
    kind: 'replace',
    file: after.file,
    added: diff.added.map((field) => ({ name: field.name, type: field.type, init: planFieldInit(field.initialiser, oldNames, field.type) })),
    removed: diff.removed.map((field) => field.name),
    renamed: diff.renamed,
    candidates: diff.candidates,
    retyped,
    ...(before.superclass === after.superclass ? {} : { superclass: { from: before.superclass, to: after.superclass } }),
    reasons,
  };
}

/** A replacement forced on a class whose code did not change: its superclass is replaced, so it must be rebuilt on the new one. */
function rebuilt(model: ClassModel, superclass: string): DerivedClassChange {
  return { name: model.name, kind: 'replace', file: model.file, added: [], removed: [], renamed: [], candidates: new Map(), retyped: [], reasons: [`superclass ${superclass} replaced`] };
}

function stubsOf(change: DerivedClassChange): StubNote[] {
  return [
    ...change.retyped.map((r): StubNote => ({ className: change.name, field: r.field, kind: 'transform', message: `${change.name}.${r.field} changed type from ${r.from} to ${r.to}: write how an old value becomes a new one` })),
    ...change.added.flatMap((field): StubNote[] => (field.init.kind === 'stub' ? [{ className: change.name, field: field.name, kind: 'add', message: `${change.name}.${field.name} is new and ${field.init.why}: write its value for migrated instances` }] : [])),
  ];
}

/**
 * The changes between two versions of the behaviour classes (see
 * `readClasses`): classes added, removed and replaced (their code changed,
 * or their superclass was replaced), with each replaced class's fields
 * added (and how they get their value), removed, renamed (guessed from
 * usages unless `choices` say otherwise), retyped (a stub), and superclass
 * changes. A class is known by its name: one moved between files is the
 * same class. Throws RenameChoiceError for a choice that names no removed
 * or added field.
 *
 * @example
 * const changes = deriveChanges(readClasses(before), readClasses(after));
 * changes.classes[0]?.renamed; // [{ from: 'integral', to: 'integralSum', score: 0.93 }]
 */
export function deriveChanges(before: ClassMap, after: ClassMap, choices: RenameChoices = {}): DerivedChanges {
  const classes = new Map<string, DerivedClassChange>();
  const moved: { name: string; from: string; to: string }[] = [];
  for (const [name, model] of after) {
    const old = before.get(name);
    if (old === undefined) {
      classes.set(name, { name, kind: 'add', file: model.file, added: [], removed: [], renamed: [], candidates: new Map(), retyped: [], reasons: ['new class'] });
      continue;
    }
    const change = compareClass(old, model, { before, after }, choices);
    if (change !== undefined) classes.set(name, change);
    else if (old.file !== model.file) moved.push({ name, from: old.file, to: model.file });
  }
  for (const name of before.keys()) {
    if (!after.has(name)) classes.set(name, { name, kind: 'remove', file: undefined, added: [], removed: [], renamed: [], candidates: new Map(), retyped: [], reasons: ['class removed'] });
  }
  // A JavaScript subclass is bound to its superclass's code: every subclass of a replaced class is replaced too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, model] of after) {
      const parent = model.superclass === null ? undefined : classes.get(model.superclass);
      if (classes.has(name) || parent === undefined || parent.kind === 'remove') continue;
      classes.set(name, rebuilt(model, parent.name));
      grew = true;
    }
  }
  const list = [...classes.values()];
  return { classes: list, moved, stubs: list.flatMap(stubsOf) };
}
