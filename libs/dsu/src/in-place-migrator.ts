import { fieldAccess } from './field-access';
import type { Forwarding } from './forwarding';
import { reshape, restore, type ReshapeUndo } from './in-place';
import { runSteps } from './migration-step';
import { migrationFailure, type ClassPlan, type UpdatePlan } from './plan-patch';
import type { StateChecks } from './state-checks';

/**
 * Migrates committed-but-old instances in place, one at a time, on first use
 * (lazy policy, or an instance an eager commit could not reach): the same
 * object gets its new fields and prototype, so every reference to it, reachable
 * or not, sees the new version. Keeps what it changed for rollback.
 *
 * @example
 * const migrator = new InPlaceMigrator(plan, new Forwarding(new Map()), checks, 'lazy migration');
 * migrator.migrate(pid, classPlan); // pid is now a PidV2
 */
export class InPlaceMigrator {
  private readonly log: ReshapeUndo[] = [];
  private count = 0;
  private keep = true;

  constructor(
    private readonly plan: UpdatePlan,
    private readonly forwarding: Forwarding,
    private readonly checks: StateChecks,
    private readonly method: string,
  ) {}

  /** Number of instances migrated in place so far. */
  get migrated(): number {
    return this.count;
  }

  /**
   * Migrates `instance` in place and returns it. Throws MigrationError or
   * ValidationError (leaving the instance as it was) if its migration fails.
   * Runs inside a tick (first use): allocates the instance's new field values.
   */
  migrate(instance: object, plan: ClassPlan): object {
    const old: unknown[] = [];
    fieldAccess(plan.oldLayout).read(instance, old, 0);
    let values: unknown[];
    try {
      values = runSteps(plan.steps, old);
    } catch (error) {
      throw migrationFailure(error, this.method, `class '${plan.oldName}'`, `<an instance of '${plan.oldName}'>`);
    }
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (typeof value === 'object' && value !== null) values[index] = this.forwarding.get(value) ?? value;
    }
    const undo = reshape(instance, plan.newClass.prototype as object, plan.oldLayout, plan.newLayout, values);
    const checks = this.plan.checks.get(plan.newClass.prototype as object);
    if (checks !== undefined) this.validate(checks, undo, plan);
    if (this.keep) this.log.push(undo);
    this.count++;
    return instance;
  }

  private validate(checks: readonly ((instance: object) => string | undefined)[], undo: ReshapeUndo, plan: ClassPlan): void {
    try {
      this.checks.application(checks, undo.object, () => `<an instance of '${plan.oldName}'>`);
    } catch (error) {
      restore(undo);
      throw error;
    }
  }

  /** Stops keeping what rollback would need (the update was released). */
  forget(): void {
    this.keep = false;
    this.log.length = 0;
  }

  /** Puts every instance migrated in place back as it was before its migration, newest first. */
  rollback(): void {
    for (let index = this.log.length - 1; index >= 0; index--) restore(this.log[index] as ReshapeUndo);
    this.log.length = 0;
  }
}
