import { fieldAccess } from './field-access';
import { reshape, restore, type ReshapeUndo } from './in-place';
import { migrateValues, type ClassPlan, type UpdatePlan } from './plan-patch';
import type { StateChecks } from './state-checks';

/**
 * Migrates committed-but-old instances in place, one at a time, on first use
 * (lazy policy, or an instance an eager commit could not reach): the same
 * object gets its new fields and prototype, so every reference to it, reachable
 * or not, sees the new version. Keeps what it changed for rollback.
 *
 * @example
 * const migrator = new InPlaceMigrator(plan, new Map(), checks, 'lazy migration');
 * migrator.migrate(pid, classPlan); // pid is now a PidV2
 */
export class InPlaceMigrator {
  private readonly log: ReshapeUndo[] = [];

  constructor(
    private readonly plan: UpdatePlan,
    private readonly replacement: ReadonlyMap<object, object>,
    private readonly checks: StateChecks,
    private readonly method: string,
  ) {}

  /** Number of instances migrated in place so far. */
  get migrated(): number {
    return this.log.length;
  }

  /**
   * Migrates `instance` in place and returns it. Throws MigrationError or
   * ValidationError (leaving the instance as it was) if its migration fails.
   * Runs inside a tick (first use): allocates the instance's new field values.
   */
  migrate(instance: object, plan: ClassPlan): object {
    const old: unknown[] = [];
    fieldAccess(plan.oldLayout).read(instance, old, 0);
    const where = () => `<an instance of '${plan.oldName}'>`;
    const values = migrateValues(this.method, `class '${plan.oldName}'`, where, plan.steps, old).map((value) =>
      typeof value === 'object' && value !== null ? (this.replacement.get(value) ?? value) : value,
    );
    const undo = reshape(instance, plan.newClass.prototype as object, plan.oldLayout, plan.newLayout, values);
    try {
      this.checks.application(this.plan.checks.get(plan.newClass.prototype as object), instance, where);
    } catch (error) {
      restore(undo);
      throw error;
    }
    this.log.push(undo);
    return instance;
  }

  /** Puts every instance migrated in place back as it was before its migration, newest first. */
  rollback(): void {
    for (let index = this.log.length - 1; index >= 0; index--) restore(this.log[index] as ReshapeUndo);
    this.log.length = 0;
  }
}
