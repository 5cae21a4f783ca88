import { compileDirect, type DirectMigration, type Remap } from './compiled-migration';
import { PatchRefusedError } from './errors';
import { fieldAccess, type FieldAccess, type Maker } from './field-access';
import { SlotKind, walkGraphSteps } from './graph-walk';
import { runSteps } from './migration-step';
import { pathStep } from './path-to';
import { migrationFailure, type ClassPlan, type UpdatePlan } from './plan-patch';
import { SlotTable } from './slot-table';
import type { StateChecks } from './state-checks';
import { finishSteps, type Steps } from './steps';

/** The instances of one old class found in the state and their new objects. */
interface Batch {
  readonly plan: ClassPlan;
  readonly old: FieldAccess;
  readonly fresh: FieldAccess;
  readonly prototype: object;
  readonly Maker: Maker;
  /** Compiled code for copy-and-rename migrations; they need no snapshot. */
  readonly direct: DirectMigration | undefined;
  readonly olds: object[];
  readonly news: object[];
  /** General migrations only: the old values each new object was computed from, `oldLayout.length` per instance. */
  readonly saved: unknown[];
}

/** Instances the dry run of a preparation in slices re-migrates: enough for the compiler, one slice's work. */
const DRY_RUN_SAMPLE = 4096;
/** New objects finished between two steps. */
const FINISHED_PER_STEP = 256;

/**
 * The migrated copy of the state, built off to the side: every instance of a
 * changed class found from the roots, a new object for each (built by
 * compiled code, every field in-object), and every place that refers to an
 * old instance. Built at once, or `inSlices`: then nothing is built until
 * {@link steps} are run (between ticks, a few at a time).
 *
 * @example
 * const preparation = new Preparation(plan, starts, checks, 'LiveSystem#prepare');
 * preparation.migrateChanged(false, 'PreparedUpdate#commit', checks); // at commit: only what changed
 */
export class Preparation {
  readonly replacement = new Map<object, object>();
  readonly slots = new SlotTable();
  private readonly batches = new Map<object, Batch>();
  /** New objects whose fields refer to objects: finished once every new object exists. */
  private readonly referring: [Batch, number][] = [];
  private readonly remap: Remap = (value) => this.replacement.get(value) ?? value;
  /** Number of instances found. */
  instances = 0;
  /** The work of building it; already done unless built in slices. */
  readonly steps: Steps;

  constructor(
    private readonly plan: UpdatePlan,
    starts: readonly object[],
    private readonly checks: StateChecks,
    private readonly method: string,
    inSlices = false,
  ) {
    this.steps = this.build(starts, inSlices ? DRY_RUN_SAMPLE : Number.POSITIVE_INFINITY);
    if (!inSlices) finishSteps(this.steps);
  }

  private *build(starts: readonly object[], dryRun: number): Steps {
    const { checks, method } = this;
    const visit = (value: object, container: object, key: unknown, kind: SlotKind, first: boolean) => this.edge(value, container, key, kind, first);
    const seen = yield* walkGraphSteps(starts, visit);
    const outputs: object[] = [];
    for (const [step, [batch, index]] of this.referring.entries()) {
      this.finish(batch, index, checks, outputs);
      if (step % FINISHED_PER_STEP === FINISHED_PER_STEP - 1) yield;
    }
    this.validate(checks, (batch) => batch.olds.keys());
    yield* walkGraphSteps(outputs, visit, seen);
    // A dry run of the commit's re-migration (nothing has changed yet) gets the
    // code compiled for this patch optimised now, between ticks, rather than
    // in the boundary: cold, it costs the commit several times more. In slices,
    // a sample is enough for the compiler and keeps the step short.
    this.migrateChanged(false, method, checks, dryRun);
  }

  /** The old instances found, by class plan (what a lazy update has left to migrate). */
  found(): [ClassPlan, readonly object[]][] {
    return [...this.batches.values()].map((batch) => [batch.plan, batch.olds]);
  }

  private edge(value: object, container: object, key: unknown, kind: SlotKind, first: boolean): boolean {
    const prototype = Object.getPrototypeOf(value) as object | null;
    const batch = prototype === null ? undefined : (this.batches.get(prototype) ?? this.batch(prototype));
    const inInstance = this.batches.has(Object.getPrototypeOf(container) as object);
    if (batch !== undefined) {
      const fresh = first ? this.migrate(batch, value) : (this.replacement.get(value) as object);
      if (!inInstance) this.slot(container, key, kind, value, fresh);
    } else if (prototype !== null && this.plan.stranded.has(prototype)) {
      const name = this.plan.stranded.get(prototype) as string;
      throw new PatchRefusedError(`${this.method} failed: class '${name}' is removed but has a live instance at ${this.checks.locate(value)}; give it a target class (into) or drop the instance first`);
    } else if (typeof value === 'function' && typeof container !== 'function' && kind !== SlotKind.MapKey && !inInstance) {
      this.checks.fn(value, () => this.checks.locate(container), pathStep(kind, key));
    }
    return true;
  }

  private batch(oldPrototype: object): Batch | undefined {
    const plan = this.plan.classes.get(oldPrototype);
    if (plan === undefined) return undefined;
    const fresh = fieldAccess(plan.newLayout);
    const prototype = plan.newClass.prototype as object;
    const direct = compileDirect(plan, prototype);
    const batch = { plan, old: fieldAccess(plan.oldLayout), fresh, prototype, Maker: fresh.maker(prototype), direct, olds: [], news: [], saved: [] };
    this.batches.set(oldPrototype, batch);
    return batch;
  }

  /** Migrates an instance found for the first time into its new object; references are remapped later. */
  private migrate(batch: Batch, old: object): object {
    const index = batch.olds.length;
    let fresh: object;
    if (batch.direct !== undefined) fresh = new batch.direct.Maker(old);
    else {
      const offset = index * batch.plan.oldLayout.length;
      batch.old.read(old, batch.saved, offset);
      fresh = new batch.Maker(this.run(batch, old, offset, this.method, this.checks));
    }
    if (batch.fresh.refers(fresh)) this.referring.push([batch, index]);
    batch.olds.push(old);
    batch.news.push(fresh);
    this.replacement.set(old, fresh);
    this.instances++;
    return fresh;
  }

  private run(batch: Batch, old: object, offset: number, method: string, checks: StateChecks): unknown[] {
    try {
      return runSteps(batch.plan.steps, batch.saved, offset);
    } catch (error) {
      throw migrationFailure(error, method, `class '${batch.plan.oldName}'`, checks.locate(old));
    }
  }

  private slot(container: object, key: unknown, kind: SlotKind, old: object, fresh: object): void {
    if (kind === SlotKind.Property && Object.isFrozen(container)) {
      throw new PatchRefusedError(`${this.method} failed: ${this.checks.locate(container)} is frozen but refers to an instance to migrate; unfreeze it`);
    }
    this.slots.add(container, key, kind, old, fresh);
  }

  /** Points a new object's fields at new objects and checks for functions of the old code. */
  private finish(batch: Batch, index: number, checks: StateChecks, outputs: object[]): void {
    const old = batch.olds[index] as object;
    const fresh = batch.news[index] as object;
    const values: unknown[] = [];
    batch.fresh.read(fresh, values, 0);
    for (let field = 0; field < values.length; field++) {
      const value = values[field];
      if (typeof value === 'function') checks.fn(value, () => checks.locate(old), `.${batch.plan.newLayout[field] ?? ''}`);
      if (typeof value !== 'object' || value === null) continue;
      outputs.push(value);
      values[field] = this.remap(value);
    }
    batch.fresh.write(fresh, values);
  }

  private validate(checks: StateChecks, indexes: (batch: Batch) => Iterable<number>): void {
    // Application validations may look at other instances: they run once every new object is filled.
    for (const batch of this.batches.values()) {
      const application = this.plan.checks.get(batch.prototype);
      if (application === undefined) continue;
      for (const index of indexes(batch)) checks.application(application, batch.news[index] as object, () => checks.locate(batch.olds[index] as object));
    }
  }

  /**
   * Migrates again, from their current fields, the instances whose fields
   * changed since they were last migrated (every instance when `all`), into
   * the same new objects, and validates them. Throws MigrationError or ValidationError, leaving the
   * running state untouched.
   * Runs at the tick boundary (commit): copy-and-rename migrations cost one
   * compiled copy per instance and allocate nothing; others cost one compiled
   * comparison per unchanged instance and a migration per changed one.
   * `limit`: only the first instances of each class (a dry run's sample).
   */
  migrateChanged(all: boolean, method: string, checks: StateChecks, limit = Number.POSITIVE_INFINITY): void {
    const changed = new Map<Batch, number[]>();
    for (const batch of this.batches.values()) {
      const { olds, news, saved, direct } = batch;
      const width = batch.plan.oldLayout.length;
      // Only the application validations need to know which instances changed.
      const indexes: number[] = [];
      const track = this.plan.checks.has(batch.prototype);
      for (let index = 0; index < olds.length && index < limit; index++) {
        const old = olds[index] as object;
        if (direct !== undefined) {
          const result = direct.sync(old, news[index] as object, this.remap);
          if (result !== 0 && track) indexes.push(index);
          if (result > 1) this.finish(batch, index, checks, []);
          continue;
        }
        const offset = index * width;
        if (!all && !batch.old.differs(old, saved, offset)) continue;
        batch.old.read(old, saved, offset);
        batch.fresh.write(news[index] as object, this.run(batch, old, offset, method, checks));
        this.finish(batch, index, checks, []);
        if (track) indexes.push(index);
      }
      changed.set(batch, indexes);
    }
    this.validate(checks, (batch) => changed.get(batch) ?? []);
  }
}
