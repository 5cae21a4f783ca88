// Random class hierarchies, state graphs and patches for the property tests.
// Everything is described by plain data (what fast-check generates) and built
// from it, so the same description can be built twice.
import fc from 'fast-check';
import type { AnyClass } from '../class-descriptor';
import type { ClassChange, PatchStep } from '../patch';

/** A class: its parent (an earlier class, or -1) and how many own fields it has. */
export interface ClassSpec {
  readonly parent: number;
  readonly fields: number;
}

/** A node of the state graph: an instance with primitive field values, or a container of other nodes. */
export type NodeSpec =
  | { readonly kind: 'instance'; readonly cls: number; readonly seed: number }
  | { readonly kind: 'array' | 'map' | 'set' | 'object'; readonly children: readonly number[] };

/** How one class changes: which own fields are renamed or removed, how many are added. */
export interface ChangeSpec {
  readonly rename: readonly boolean[];
  readonly remove: readonly boolean[];
  readonly add: number;
}

/** One version of the classes: name -> class, and each class's own fields. */
export interface Version {
  readonly classes: Record<string, AnyClass>;
  readonly own: readonly (readonly string[])[];
}

export const classSpecs = fc.array(fc.record({ parent: fc.nat(), fields: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 4 }).map((specs) =>
  specs.map((spec, index): ClassSpec => ({ parent: (spec.parent % (index + 1)) - 1, fields: spec.fields })),
);

export const nodeSpecs = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('instance' as const), cls: fc.nat(), seed: fc.integer() }),
    fc.record({ kind: fc.constantFrom('array' as const, 'map' as const, 'set' as const, 'object' as const), children: fc.array(fc.nat(), { maxLength: 4 }) }),
  ),
  { minLength: 1, maxLength: 20 },
);

export const changeSpecs = fc.array(
  fc.record({ rename: fc.array(fc.boolean(), { maxLength: 3 }), remove: fc.array(fc.boolean(), { maxLength: 3 }), add: fc.integer({ min: 0, max: 2 }) }),
  { minLength: 4, maxLength: 4 },
);

const PRIMITIVES = [0, -0, 1.5, -7, Number.NaN, Infinity, 'text', '', true, false, null, undefined];

function makeClass(name: string, parent: AnyClass | undefined, fields: readonly string[]): AnyClass {
  const code = parent === undefined ? class {} : class extends (parent as new () => object) {};
  Object.defineProperty(code, 'name', { value: name });
  Object.defineProperty(code, 'fields', { value: fields, enumerable: true });
  return code;
}

/** Builds version 1 of the classes. */
export function firstVersion(specs: readonly ClassSpec[]): Version {
  const own = specs.map((spec, index) => Array.from({ length: spec.fields }, (_, field) => `c${index}f${field}`));
  return build(specs, own, '1');
}

function build(specs: readonly ClassSpec[], own: readonly (readonly string[])[], version: string): Version {
  const classes: Record<string, AnyClass> = {};
  specs.forEach((spec, index) => {
    classes[`C${index}`] = makeClass(`C${index}v${version}`, spec.parent < 0 ? undefined : classes[`C${spec.parent}`], own[index] ?? []);
  });
  return { classes, own };
}

/** The next version and the patch leading to it: every class replaced (a parent change reaches all subclasses). */
export function nextVersion(specs: readonly ClassSpec[], current: Version, changes: readonly ChangeSpec[], from: string, to: string): { version: Version; patch: PatchStep } {
  const decided = current.own.map((fields, index) => {
    const change = changes[index % changes.length] as ChangeSpec;
    const removed = fields.filter((_, field) => change.remove[field] === true);
    const renamed = fields.filter((name, field) => change.rename[field] === true && !removed.includes(name));
    const added = Array.from({ length: change.add }, (_, field) => `c${index}v${to}a${field}`);
    const fieldsNext = [...fields.filter((name) => !removed.includes(name)).map((name) => (renamed.includes(name) ? `${name}r${to}` : name)), ...added];
    return { removed, renamed, added, fields: fieldsNext };
  });
  const version = build(specs, decided.map((entry) => entry.fields), to);
  const classes: Record<string, ClassChange> = {};
  decided.forEach((entry, index) => {
    classes[`C${index}`] = {
      kind: 'replace',
      code: version.classes[`C${index}`] as AnyClass,
      remove: entry.removed,
      rename: Object.fromEntries(entry.renamed.map((name) => [name, `${name}r${to}`])),
      add: Object.fromEntries(entry.added.map((name, field) => [name, { value: field }])),
    };
  });
  return { version, patch: { from, to, classes } };
}

function layout(version: Version, specs: readonly ClassSpec[], cls: number): string[] {
  const spec = specs[cls] as ClassSpec;
  return [...(spec.parent < 0 ? [] : layout(version, specs, spec.parent)), ...(version.own[cls] ?? [])];
}

/** Builds the state graph a description gives, with the classes of `version`; node 0 is the root (a plain object). */
export function buildGraph(specs: readonly ClassSpec[], version: Version, nodes: readonly NodeSpec[]): { root: object; all: object[] } {
  const all = nodes.map((node, index): object => {
    if (index === 0 || node.kind === 'object') return {};
    if (node.kind !== 'instance') return node.kind === 'array' ? [] : node.kind === 'map' ? new Map() : new Set();
    const cls = node.cls % specs.length;
    const instance = Object.create((version.classes[`C${cls}`] as AnyClass).prototype as object) as Record<string, unknown>;
    layout(version, specs, cls).forEach((field, at) => (instance[field] = PRIMITIVES[Math.abs(node.seed + at) % PRIMITIVES.length]));
    return instance;
  });
  nodes.forEach((node, index) => {
    if (node.kind === 'instance') return;
    const container = all[index] as object;
    node.children.forEach((child, at) => {
      const value = all[child % all.length];
      if (container instanceof Map) container.set(`k${at}`, value);
      else if (container instanceof Set) container.add(value);
      else if (Array.isArray(container)) container.push(value);
      else (container as Record<string, unknown>)[`p${at}`] = value;
    });
  });
  // Every node is also reachable from the root, so graphs are rich in instances and shared references.
  (all[0] as Record<string, unknown>)['rest'] = all.slice(1);
  return { root: all[0] as object, all };
}

/** The field values an instance of class `cls` should have after `patch` (every class replaced), in layout order. */
export function expectedFields(specs: readonly ClassSpec[], old: Version, patch: PatchStep, cls: number, values: Readonly<Record<string, unknown>>): [string, unknown][] {
  const spec = specs[cls] as ClassSpec;
  const inherited = spec.parent < 0 ? [] : expectedFields(specs, old, patch, spec.parent, values);
  const change = patch.classes?.[`C${cls}`] as Extract<ClassChange, { kind: 'replace' }>;
  const kept = (old.own[cls] ?? []).filter((name) => !(change.remove ?? []).includes(name)).map((name): [string, unknown] => [change.rename?.[name] ?? name, values[name]]);
  const added = Object.entries(change.add ?? {}).map(([name, init]): [string, unknown] => [name, (init as { value: unknown }).value]);
  return [...inherited, ...kept, ...added];
}
