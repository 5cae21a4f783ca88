import { PatchRefusedError } from './errors';
import type { FieldChanges, OldFields } from './patch';

/** Where one field of the new layout gets its value. */
export type FieldSource =
  | { readonly kind: 'copy'; readonly from: number; readonly transform?: (value: unknown) => unknown }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'init'; readonly init: (old: OldFields) => unknown };

/** One layout change: for every field of `newLayout`, where its value comes from. */
export interface FieldPlan {
  readonly oldLayout: readonly string[];
  readonly newLayout: readonly string[];
  readonly sources: readonly FieldSource[];
  /** For each new field, the old field whose finite value must not turn into NaN (-1: none). */
  readonly nanGuard: readonly number[];
  /** True when an initialiser needs the old fields as a record. */
  readonly needsRecord: boolean;
}

/**
 * Plans how `changes` turn `oldLayout` into a new layout; checks that `declared`
 * (the new code's fields), when given, is exactly that layout. Throws
 * PatchRefusedError naming the change; `where` prefixes messages
 * (`Namespace#apply failed: class 'Pid'`).
 *
 * @example
 * planFields('globals', ['a', 'b'], { rename: { b: 'c' } }).newLayout; // ['a', 'c']
 */
export function planFields(
  where: string,
  oldLayout: readonly string[],
  changes: FieldChanges,
  declared?: readonly string[],
): FieldPlan {
  const refuse = (what: string): never => {
    throw new PatchRefusedError(`${where} ${what}`);
  };
  const removed = new Set(changes.remove ?? []);
  const renames = new Map(Object.entries(changes.rename ?? {}));
  const leaving = (name: string) => removed.has(name) || renames.has(name);
  for (const name of removed) {
    if (!oldLayout.includes(name)) refuse(`removes unknown field '${name}'; remove only fields of the running version`);
    if (renames.has(name)) refuse(`field '${name}' is both removed and renamed; keep one change`);
  }
  const targets = new Set<string>();
  for (const [from, to] of renames) {
    if (!oldLayout.includes(from)) refuse(`renames unknown field '${from}'; rename only fields of the running version`);
    if ((oldLayout.includes(to) && !leaving(to)) || targets.has(to)) {
      refuse(`field '${from}': rename target '${to}' already exists; rename to a free name or remove '${to}' first`);
    }
    targets.add(to);
  }
  const added = Object.entries(changes.add ?? {});
  for (const [name, init] of added) {
    if ((oldLayout.includes(name) && !leaving(name)) || targets.has(name)) {
      refuse(`adds field '${name}' that already exists; rename or remove the old one first`);
    }
    if ('value' in init && typeof init.value === 'object' && init.value !== null) {
      refuse(`field '${name}': an added object value would be shared by every instance; give an init function`);
    }
  }
  const computed = [
    ...oldLayout.filter((name) => !removed.has(name)).map((name) => renames.get(name) ?? name),
    ...added.map(([name]) => name),
  ];
  const layout = declared ?? computed;
  for (const name of layout) {
    if (!computed.includes(name)) refuse(`new code declares field '${name}' that the patch neither adds nor renames into; declare it added`);
  }
  for (const name of computed) {
    if (!layout.includes(name)) refuse(`keeps field '${name}' but the new code does not declare it; declare it removed`);
  }
  const inverse = new Map([...renames].map(([from, to]) => [to, from]));
  const inits = new Map(added);
  const transforms = changes.transform ?? {};
  const allowNaN = new Set(changes.allowNaN ?? []);
  for (const name of [...Object.keys(transforms), ...allowNaN]) {
    if (!layout.includes(name)) refuse(`transforms or allows NaN in unknown field '${name}'; name a field of the new version`);
    if (inits.has(name)) refuse(`transforms added field '${name}'; give its value in its init instead`);
  }
  const sources = layout.map((name): FieldSource => {
    const init = inits.get(name);
    if (init !== undefined) return 'value' in init ? { kind: 'value', value: init.value } : { kind: 'init', init: init.init };
    const from = oldLayout.indexOf(inverse.get(name) ?? name);
    const transform = transforms[name];
    return transform === undefined ? { kind: 'copy', from } : { kind: 'copy', from, transform };
  });
  const nanGuard = layout.map((name, index) => {
    const source = sources[index];
    return source?.kind === 'copy' && !allowNaN.has(name) ? source.from : -1;
  });
  return { oldLayout, newLayout: layout, sources, nanGuard, needsRecord: sources.some((s) => s.kind === 'init') };
}
