import { PatchRefusedError } from './errors';
import { fieldAccess, type FieldAccess } from './field-access';
import { SlotKind, walkGraph } from './graph-walk';
import { pathStep } from './path-to';
import { migrateValues, type ClassPlan, type UpdatePlan } from './plan-patch';
import { SlotTable } from './slot-table';
import type { StateChecks } from './state-checks';

/** The instances of one old class found in the state, their new objects and the values last migrated. */
interface Batch {
  readonly plan: ClassPlan;
  readonly old: FieldAccess;
  readonly fresh: FieldAccess;
  readonly olds: object[];
  readonly news: object[];
  /** The old field values each new object was computed from, `plan.oldLayout.length` per instance. */
  readonly saved: unknown[];
}

/**
 * The migrated copy of the state, built off to the side: every instance of a
 * changed class found from the roots, a new object for each (with the new
 * class's prototype and fields written in layout order, so they share one fast
 * hidden class), and every place that refers to an old instance.
 *
 * @example
 * const preparation = new Preparation(plan, starts, checks, 'LiveSystem#prepare');
 * preparation.migrateChanged(false, 'PreparedUpdate#commit', checks); // at commit: only instances whose fields changed
 */
export class Preparation {
  readonly replacement = new Map<object, object>();
  readonly slots = new SlotTable();
  private readonly batches = new Map<ClassPlan, Batch>();
  /** Number of instances found. */
  instances = 0;

  constructor(
    private readonly plan: UpdatePlan,
    private readonly starts: readonly object[],
    private readonly checks: StateChecks,
    private readonly method: string,
  ) {
    const seen = walkGraph(starts, (value, container, key, kind, first) => this.edge(value, container, key, kind, first));
    const outputs = this.migrateChanged(true, method, checks);
    walkGraph(outputs, (value, container, key, kind, first) => this.edge(value, container, key, kind, first), seen);
    this.slots.resolve(this.replacement);
  }

  private edge(value: object, container: object, key: unknown, kind: SlotKind, first: boolean): boolean {
    const prototype = Object.getPrototypeOf(value) as object | null;
    const plan = prototype === null ? undefined : this.plan.classes.get(prototype);
    if (plan !== undefined) {
      if (first) this.found(value, plan);
      if (!this.replacement.has(container)) this.slot(container, key, kind, value);
    } else if (prototype !== null && this.plan.stranded.has(prototype)) {
      const name = this.plan.stranded.get(prototype) as string;
      throw new PatchRefusedError(`${this.method} failed: class '${name}' is removed but has a live instance at ${this.checks.locate(value)}; give it a target class (into) or drop the instance first`);
    } else if (typeof container !== 'function' && kind !== SlotKind.MapKey && !this.replacement.has(container)) {
      this.checks.fn(value, () => this.checks.locate(container), pathStep(kind, key));
    }
    return true;
  }

  private found(instance: object, plan: ClassPlan): void {
    let batch = this.batches.get(plan);
    if (batch === undefined) {
      batch = { plan, old: fieldAccess(plan.oldLayout), fresh: fieldAccess(plan.newLayout), olds: [], news: [], saved: [] };
      this.batches.set(plan, batch);
    }
    const fresh = Object.create(plan.newClass.prototype as object) as object;
    batch.olds.push(instance);
    batch.news.push(fresh);
    this.replacement.set(instance, fresh);
    this.instances++;
  }

  private slot(container: object, key: unknown, kind: SlotKind, value: object): void {
    if (kind === SlotKind.Property && Object.isFrozen(container)) {
      throw new PatchRefusedError(`${this.method} failed: ${this.checks.locate(container)} is frozen but refers to an instance to migrate; unfreeze it`);
    }
    this.slots.add(container, key, kind, value);
  }

  /**
   * Migrates again, from their current fields, the instances whose fields
   * changed since they were last migrated (all of them when `all`), into the
   * same new objects, and validates them. Returns the object values the new
   * fields refer to. Throws MigrationError or ValidationError, leaving the
   * running state untouched.
   * Runs at the tick boundary (commit): allocates only for instances that
   * changed; unchanged ones cost one compiled comparison.
   */
  migrateChanged(all: boolean, method: string, checks: StateChecks): object[] {
    const outputs: object[] = [];
    const remap = (value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return value;
      outputs.push(value);
      return this.replacement.get(value) ?? value;
    };
    const validate: (() => void)[] = [];
    for (const batch of this.batches.values()) {
      const { plan, olds, news, saved } = batch;
      const width = plan.oldLayout.length;
      const application = this.plan.checks.get(plan.newClass.prototype as object);
      for (let index = 0; index < olds.length; index++) {
        const old = olds[index] as object;
        const offset = index * width;
        if (!all && !batch.old.differs(old, saved, offset)) continue;
        batch.old.read(old, saved, offset);
        const where = () => checks.locate(old);
        const values = migrateValues(method, `class '${plan.oldName}'`, where, plan.steps, saved.slice(offset, offset + width)).map(remap);
        values.forEach((value, field) => checks.fn(value, where, `.${plan.newLayout[field] ?? ''}`));
        batch.fresh.write(news[index] as object, values);
        if (application !== undefined) validate.push(() => checks.application(application, news[index] as object, where));
      }
    }
    // Application validations may look at other instances: they run once every new object is filled.
    for (const check of validate) check();
    return outputs;
  }
}
