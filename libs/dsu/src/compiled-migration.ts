import type { ClassPlan } from './plan-patch';

/** Maps an old instance to what replaces it (or returns the value itself). */
export type Remap = (value: object) => unknown;

/** Migration code compiled for one class whose migration is copies, renames and constants. */
export interface DirectMigration {
  /** Builds the new object straight from the old one (references still point at old objects). */
  readonly Maker: new (old: object) => object;
  /**
   * Copies the old object's fields into its new object again, remapping
   * references; writes only what differs. Returns 0 when nothing changed, bit 1
   * when a field changed, bit 2 when a field holds a function.
   */
  readonly sync: (old: object, fresh: object, remap: Remap) => number;
}

/**
 * Compiles the common migration (one step, fields copied or renamed, added
 * fields with constant values; no transform, initialiser or migration
 * function): the new object is built and refreshed straight from the old one,
 * with monomorphic code and no intermediate array or snapshot, since the new
 * object's fields are themselves the values it was computed from. Undefined
 * for any other migration, which takes the general path.
 *
 * @example
 * const direct = compileDirect(plan, PidV2.prototype);
 * const fresh = direct && new direct.Maker(oldPid);
 */
export function compileDirect(plan: ClassPlan, prototype: object): DirectMigration | undefined {
  const [step, more] = plan.steps;
  if (step === undefined || more !== undefined || step.migrations.length > 0) return undefined;
  const constants: unknown[] = [];
  const make: string[] = [];
  const sync: string[] = [];
  for (const [index, source] of step.fields.sources.entries()) {
    const key = JSON.stringify(step.fields.newLayout[index]);
    if (source.kind === 'value') {
      make.push(`this[${key}] = constants[${constants.push(source.value) - 1}];`);
      continue;
    }
    if (source.kind !== 'copy' || source.transform !== undefined) return undefined;
    const from = JSON.stringify(step.fields.oldLayout[source.from]);
    make.push(`this[${key}] = old[${from}];`);
    sync.push(
      `v = old[${from}];`,
      `if (typeof v === 'object' && v !== null) v = remap(v); else if (typeof v === 'function') changed |= 2;`,
      `if (!Object.is(v, fresh[${key}])) { fresh[${key}] = v; changed |= 1; }`,
    );
  }
  const Maker = new Function('constants', `return function (old) {\n${make.join('\n')}\n};`)(constants) as DirectMigration['Maker'];
  (Maker as unknown as { prototype: object }).prototype = prototype;
  const body = `let v; let changed = 0;\n${sync.join('\n')}\nreturn changed;`;
  return { Maker, sync: new Function('old', 'fresh', 'remap', body) as DirectMigration['sync'] };
}
