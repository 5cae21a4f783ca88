import type { AnyClass } from './class-descriptor';
import { PatchRefusedError, PatchVersionError } from './errors';
import { planFields, type FieldPlan } from './field-plan';
import { checkHierarchy } from './hierarchy-check';
import type { MigrationStep } from './migration-step';
import { Namespace, type NamespaceEntry } from './namespace';
import type { FieldChanges, Migration, PatchStep, ReplaceClass } from './patch';

/** How the instances of one old class migrate in one step. */
export interface StepClassPlan {
  readonly newName: string;
  readonly step: MigrationStep;
}

/** One patch step, planned: the namespace it produces and how everything migrates. */
export interface StepPlan {
  readonly to: Namespace;
  /** By old class name: replaced classes and classes removed into another. */
  readonly classes: ReadonlyMap<string, StepClassPlan>;
  /** Old classes removed without a target: a live instance refuses the update. */
  readonly stranded: ReadonlySet<string>;
  /** By old class name: how the static fields of a replaced class carry over. */
  readonly statics: ReadonlyMap<string, FieldPlan>;
  readonly globals: FieldPlan;
}

function chain(namespace: Namespace, name: string): string[] {
  const names: string[] = [];
  for (let at: string | null = name; at !== null; at = namespace.descriptor(at).superclass) names.unshift(at);
  return names;
}

function merged(list: readonly FieldChanges[]): FieldChanges {
  return {
    add: Object.assign({}, ...list.map((changes) => changes.add)),
    remove: list.flatMap((changes) => changes.remove ?? []),
    rename: Object.assign({}, ...list.map((changes) => changes.rename)),
    transform: Object.assign({}, ...list.map((changes) => changes.transform)),
    allowNaN: list.flatMap((changes) => changes.allowNaN ?? []),
  };
}

function nextEntries(where: string, from: Namespace, step: PatchStep): NamespaceEntry[] {
  const entries: NamespaceEntry[] = [];
  const changes = step.classes ?? {};
  for (const name of from.names()) {
    const change = changes[name];
    if (change === undefined) entries.push({ name, code: from.get(name), version: from.descriptor(name).version });
    else if (change.kind === 'replace') {
      if (change.code === from.get(name)) throw new PatchRefusedError(`${where} class '${name}': replace needs new code; a JavaScript class cannot change its shape in place`);
      entries.push({ name, code: change.code, version: step.to });
    } else if (change.kind === 'add') throw new PatchRefusedError(`${where} adds class '${name}' that already exists; replace it instead`);
  }
  for (const [name, change] of Object.entries(changes)) {
    if (from.find(name) !== undefined) continue;
    if (change.kind !== 'add') throw new PatchRefusedError(`${where} ${change.kind === 'replace' ? 'replaces' : 'removes'} unknown class '${name}'; name a class of version '${from.version}'`);
    entries.push({ name, code: change.code, version: step.to });
  }
  return entries;
}

function inheritedChanges(changes: readonly ReplaceClass[], oldFields: readonly string[], newFields: readonly string[]): FieldChanges {
  // A field pushed down stays in the subclass that still declares it, and a
  // field pulled up keeps its value in the subclass that already had it.
  const all = merged(changes);
  const add = Object.fromEntries(Object.entries(all.add ?? {}).filter(([name]) => !oldFields.includes(name)));
  return { ...all, add, remove: (all.remove ?? []).filter((name) => !newFields.includes(name)) };
}

function replacedPlan(where: string, from: Namespace, to: Namespace, step: PatchStep, name: string): MigrationStep {
  const newChain = chain(to, name);
  const replaced = (at: string) => {
    const change = step.classes?.[at];
    return change?.kind === 'replace' ? [change] : [];
  };
  const ancestors = chain(from, name).filter((at) => at !== name && newChain.includes(at)).flatMap(replaced);
  const own = replaced(name);
  const oldFields = from.descriptor(name).fields;
  const newFields = to.descriptor(name).fields;
  const changes = merged([inheritedChanges(ancestors, oldFields, newFields), ...own]);
  const fields = planFields(`${where} class '${name}'`, oldFields, changes, newFields);
  const migrations = [...ancestors, ...own].map((change) => change.migrate).filter((migrate): migrate is Migration => migrate !== undefined);
  return { fields, migrations };
}

/**
 * Plans one patch step against `from`: checks everything that can be checked
 * without the live state and builds the namespace it produces. Throws
 * PatchVersionError or PatchRefusedError; nothing is touched.
 *
 * @example
 * planStep(v1, patch, 'Namespace#apply').to.version; // '2'
 */
export function planStep(from: Namespace, step: PatchStep, method: string): StepPlan {
  const where = `${method} failed:`;
  if (step.from !== from.version) {
    throw new PatchVersionError(`${where} patch applies to version '${step.from}' but version '${from.version}' is running; build the patch against '${from.version}'`);
  }
  if (step.inverse !== undefined && (step.inverse.from !== step.to || step.inverse.to !== step.from)) {
    throw new PatchRefusedError(`${where} the inverse patch must go from '${step.to}' to '${step.from}'`);
  }
  const entries = nextEntries(where, from, step);
  checkHierarchy(where, from, step, new Map<string, AnyClass>(entries.map((entry) => [entry.name, entry.code])));
  const globals = planFields(`${where} globals`, Object.keys(from.globals), step.globals ?? {});
  const to = Namespace.build(step.to, entries, {}, method);
  const classes = new Map<string, StepClassPlan>();
  const stranded = new Set<string>();
  const statics = new Map<string, FieldPlan>();
  for (const [name, change] of Object.entries(step.classes ?? {})) {
    if (change.kind === 'replace') {
      classes.set(name, { newName: name, step: replacedPlan(where, from, to, step, name) });
      statics.set(name, planFields(`${where} class '${name}' statics`, from.descriptor(name).staticFields, change.statics ?? {}, to.descriptor(name).staticFields));
    } else if (change.kind === 'remove') {
      const into = change.into;
      if (into === undefined) {
        stranded.add(name);
        continue;
      }
      if (to.find(into) === undefined) throw new PatchRefusedError(`${where} class '${name}' is removed into unknown class '${into}'; name a class of version '${step.to}'`);
      const fields = planFields(`${where} class '${name}' (removed into '${into}')`, from.descriptor(name).fields, change, to.descriptor(into).fields);
      classes.set(name, { newName: into, step: { fields, migrations: change.migrate === undefined ? [] : [change.migrate] } });
    }
  }
  for (const name of Object.keys(step.validations ?? {})) {
    if (to.find(name) === undefined) throw new PatchRefusedError(`${where} validation for unknown class '${name}'; name a class of version '${step.to}'`);
  }
  return { to, classes, stranded, statics, globals };
}
