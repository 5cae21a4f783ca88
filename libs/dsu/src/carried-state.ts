import { migrateValues, type UpdatePlan } from './plan-patch';

/** Static fields of a new class, or the new globals, to write at commit. */
export interface CarriedWrite {
  readonly target: Record<string, unknown>;
  readonly layout: readonly string[];
  readonly values: readonly unknown[];
}

/**
 * Computes, from their current values, the static fields of the replaced
 * classes and the globals of the new version (`remap` turns an old instance
 * into what replaces it). May throw MigrationError: call it before any write.
 * Runs at the tick boundary: cost is per static field and global, never per instance.
 *
 * @example
 * const writes = carriedState(plan, (value) => value, 'PreparedUpdate#commit');
 * writeCarried(writes);
 */
export function carriedState(plan: UpdatePlan, remap: (value: unknown) => unknown, method: string): CarriedWrite[] {
  const writes: CarriedWrite[] = [];
  const carry = (what: string, source: Record<string, unknown>, target: Record<string, unknown>, steps: UpdatePlan['globals']) => {
    const first = steps[0];
    const last = steps.at(-1);
    if (first === undefined || last === undefined) return;
    const old = first.fields.oldLayout.map((name) => remap(source[name]));
    writes.push({ target, layout: last.fields.newLayout, values: migrateValues(method, what, () => what, steps, old) });
  };
  for (const statics of plan.statics) {
    const source = statics.oldClass as unknown as Record<string, unknown>;
    carry(`the statics of class '${statics.name}'`, source, statics.newClass as unknown as Record<string, unknown>, statics.steps);
  }
  carry('the globals', plan.from.globals, plan.to.globals, plan.globals);
  return writes;
}

/**
 * Writes what `carriedState` computed. Runs at the tick boundary; cannot fail on plain data properties.
 *
 * @example
 * writeCarried([{ target: PidV2, layout: ['created'], values: [3] }]);
 */
export function writeCarried(writes: readonly CarriedWrite[]): void {
  for (const { target, layout, values } of writes) layout.forEach((name, index) => (target[name] = values[index]));
}
