import type { FieldPlan } from './field-plan';
import type { Migration, OldFields } from './patch';

/** One step of a class's migration: the general policy, then the application's migrations. */
export interface MigrationStep {
  readonly fields: FieldPlan;
  /** Application-dependent migrations, ancestors' first. */
  readonly migrations: readonly Migration[];
}

/** A migrated value breaks a system rule; the caller turns it into a ValidationError with a path. */
export class FieldProblem {
  constructor(
    readonly field: string,
    readonly rule: 'nan' | 'declared-field',
  ) {}
}

function record(layout: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  layout.forEach((name, index) => (fields[name] = values[index]));
  return fields;
}

function general(plan: FieldPlan, old: readonly unknown[], offset: number): unknown[] {
  let frozen: OldFields | undefined;
  const values = new Array<unknown>(plan.sources.length);
  for (let index = 0; index < plan.sources.length; index++) {
    const source = plan.sources[index];
    if (source === undefined) continue;
    if (source.kind === 'copy') {
      const value = old[offset + source.from];
      values[index] = source.transform === undefined ? value : source.transform(value);
    } else if (source.kind === 'value') {
      values[index] = source.value;
    } else {
      frozen ??= Object.freeze(record(plan.oldLayout, old.slice(offset, offset + plan.oldLayout.length)));
      values[index] = source.init(frozen);
    }
  }
  return values;
}

function checkNaN(plan: FieldPlan, old: readonly unknown[], offset: number, values: readonly unknown[]): void {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value !== value) {
      const from = plan.nanGuard[index] ?? -1;
      const before = from >= 0 ? old[offset + from] : undefined;
      if (typeof before === 'number' && Number.isFinite(before)) throw new FieldProblem(plan.newLayout[index] ?? '', 'nan');
    }
  }
}

function application(step: MigrationStep, old: readonly unknown[], offset: number, values: unknown[]): unknown[] {
  const layout = step.fields.newLayout;
  const before = Object.freeze(record(step.fields.oldLayout, old.slice(offset, offset + step.fields.oldLayout.length)));
  let fresh = record(layout, values);
  for (const migration of step.migrations) fresh = migration(before, fresh) ?? fresh;
  return layout.map((name) => {
    if (!(name in fresh)) throw new FieldProblem(name, 'declared-field');
    return fresh[name];
  });
}

/**
 * Runs the steps of a migration on the old field values (in the old layout's
 * order, from `offset` in `old`) and returns the new ones (in the new layout's order). Throws
 * FieldProblem for a NaN born of a finite number or a field a migration
 * dropped; whatever a migration throws passes through.
 *
 * @example
 * runSteps([{ fields: planFields('x', ['a'], { rename: { a: 'b' } }), migrations: [] }], [1]); // [1]
 */
export function runSteps(steps: readonly MigrationStep[], old: readonly unknown[], offset = 0): unknown[] {
  let values = old as unknown[];
  let at = offset;
  for (const step of steps) {
    const computed = general(step.fields, values, at);
    const next = step.migrations.length === 0 ? computed : application(step, values, at, computed);
    checkNaN(step.fields, values, at, next);
    values = next;
    at = 0;
  }
  return values;
}
