import type { AnyClass } from './class-descriptor';
import { MigrationError, ValidationError } from './errors';
import { FieldProblem, runSteps, type MigrationStep } from './migration-step';
import type { Namespace } from './namespace';
import { stepsOf, type InstanceCheck, type Patch } from './patch';
import { planStep, type StepPlan } from './plan-step';

/** How the instances of one old class become instances of one new class, over every step. */
export interface ClassPlan {
  readonly oldName: string;
  readonly oldClass: AnyClass;
  readonly newName: string;
  readonly newClass: AnyClass;
  readonly oldLayout: readonly string[];
  readonly newLayout: readonly string[];
  readonly steps: readonly MigrationStep[];
  /** False when a field keeping its name may change value: a direct read could not be intercepted lazily. */
  readonly lazySafe: boolean;
}

/** How the static fields of a replaced class carry over. */
export interface StaticsPlan {
  readonly name: string;
  readonly oldClass: AnyClass;
  readonly newClass: AnyClass;
  readonly steps: readonly MigrationStep[];
}

/** A whole patch, planned against the running namespace. */
export interface UpdatePlan {
  readonly patch: Patch;
  readonly from: Namespace;
  readonly to: Namespace;
  /** By the old class's prototype. */
  readonly classes: ReadonlyMap<object, ClassPlan>;
  /** Old prototypes of classes removed without a target, with their names. */
  readonly stranded: ReadonlyMap<object, string>;
  readonly statics: readonly StaticsPlan[];
  readonly globals: readonly MigrationStep[];
  /** Application validations by the new class's prototype, inherited ones included (last step's). */
  readonly checks: ReadonlyMap<object, readonly InstanceCheck[]>;
}

function keepsNameAndChanges(step: MigrationStep): boolean {
  if (step.migrations.length > 0) return true;
  const { fields } = step;
  return fields.sources.some(
    (source, index) => source.kind === 'copy' && source.transform !== undefined && fields.oldLayout[source.from] === fields.newLayout[index],
  );
}

/**
 * The error to throw when migrating `what` at `path` failed with `error`:
 * a FieldProblem becomes a ValidationError (NaN, missing field), anything a
 * migration threw a MigrationError whose `cause` it is.
 *
 * @example
 * throw migrationFailure(error, 'LiveSystem#prepare', "class 'Pid'", 'root.pid');
 */
export function migrationFailure(error: unknown, method: string, what: string, path: string): Error {
  if (error instanceof FieldProblem) {
    const rule = error.rule === 'nan' ? 'a finite number became NaN and the patch does not allow it' : 'declared field missing after the migration';
    return new ValidationError(`${method} failed: ${path}.${error.field}: ${rule}`, `${path}.${error.field}`, error.rule);
  }
  return new MigrationError(`${method} failed: the migration of ${what} at ${path} threw: ${String(error)}`, { cause: error });
}

/**
 * Runs migration steps on a record's values (from `offset` in `old`), turning
 * failures into typed errors (`where` names the place, only on failure).
 *
 * @example
 * migrateValues('LiveSystem#prepare', "class 'Pid'", () => 'root.pid', plan.steps, [1, 2]);
 */
export function migrateValues(method: string, what: string, where: () => string, steps: readonly MigrationStep[], old: readonly unknown[], offset = 0): unknown[] {
  try {
    return runSteps(steps, old, offset);
  } catch (error) {
    throw migrationFailure(error, method, what, where());
  }
}

function classPlans(from: Namespace, to: Namespace, plans: readonly StepPlan[]) {
  const classes = new Map<object, ClassPlan>();
  const stranded = new Map<object, string>();
  for (const oldName of from.names()) {
    const steps: MigrationStep[] = [];
    let name = oldName;
    for (const plan of plans) {
      if (plan.stranded.has(name)) stranded.set(from.get(oldName).prototype as object, oldName);
      const next = plan.classes.get(name);
      if (next === undefined) continue;
      steps.push(next.step);
      name = next.newName;
    }
    if (steps.length === 0 || stranded.has(from.get(oldName).prototype as object)) continue;
    const oldClass = from.get(oldName);
    const newClass = to.get(name);
    const oldLayout = from.descriptor(oldName).fields;
    const newLayout = to.descriptor(name).fields;
    const lazySafe = !steps.some(keepsNameAndChanges);
    classes.set(oldClass.prototype as object, { oldName, oldClass, newName: name, newClass, oldLayout, newLayout, steps, lazySafe });
  }
  return { classes, stranded };
}

function staticsPlans(from: Namespace, to: Namespace, plans: readonly StepPlan[]): StaticsPlan[] {
  return from.names().flatMap((name) => {
    const steps = plans.map((plan) => plan.statics.get(name)).filter((fields) => fields !== undefined);
    const newClass = to.find(name);
    const removed = plans.some((plan) => plan.stranded.has(name) || (plan.classes.get(name)?.newName ?? name) !== name);
    if (steps.length === 0 || newClass === undefined || removed) return [];
    return [{ name, oldClass: from.get(name), newClass, steps: steps.map((fields) => ({ fields, migrations: [] })) }];
  });
}

/**
 * Plans `patch` (one step or a composition) against the running namespace:
 * every refusal happens here, before any work on the state.
 *
 * @example
 * const plan = planPatch(v1, patch, 'LiveSystem#prepare');
 * plan.to.version; // patch.to
 */
export function planPatch(from: Namespace, patch: Patch, method: string): UpdatePlan {
  const steps = stepsOf(patch);
  const plans: StepPlan[] = [];
  for (const step of steps) plans.push(planStep(plans.at(-1)?.to ?? from, step, method));
  const to = plans.at(-1)?.to ?? from;
  const globals = plans.map((plan) => ({ fields: plan.globals, migrations: [] }));
  const layout = Object.keys(from.globals);
  const values = migrateValues(method, 'the globals', () => 'globals', globals, layout.map((name) => from.globals[name]));
  globals.at(-1)?.fields.newLayout.forEach((name, index) => (to.globals[name] = values[index]));
  const validations = steps.at(-1)?.validations ?? {};
  const checks = new Map<object, InstanceCheck[]>();
  for (const name of to.names()) {
    const inherited: InstanceCheck[] = [];
    for (let at: string | null = name; at !== null; at = to.descriptor(at).superclass) {
      const check = validations[at];
      if (check !== undefined) inherited.push(check);
    }
    if (inherited.length > 0) checks.set(to.get(name).prototype as object, inherited);
  }
  return { patch, from, to, ...classPlans(from, to, plans), statics: staticsPlans(from, to, plans), globals, checks };
}
