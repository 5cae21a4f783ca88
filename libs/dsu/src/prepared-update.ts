import { carriedState, writeCarried } from './carried-state';
import { CommittedUpdate } from './committed-update';
import { PatchRefusedError, UpdateStateError } from './errors';
import { Forwarding } from './forwarding';
import { InPlaceMigrator } from './in-place-migrator';
import type { Namespace } from './namespace';
import type { Patch } from './patch';
import type { UpdatePlan } from './plan-patch';
import { Preparation } from './preparation';
import { StateChecks } from './state-checks';
import { advanceSteps, type Steps } from './steps';
import { installStubs } from './stubs';
import type { Policy, PrepareOptions, UpdateHost } from './update-host';

/**
 * An update prepared off to the side: the new namespace and the migrated
 * copies of every instance found, validated; nothing visible has changed.
 * The state may keep changing: `refresh()` walks it again between ticks and
 * `commit()` re-migrates, from the state as of the boundary, every instance
 * whose fields changed since. Prepared in slices (`LiveSystem#prepareInSlices`),
 * it can commit once {@link advance} has returned true.
 *
 * @example
 * const update = live.prepare(patch, { policy: 'prepared' });
 * // ... ticks run; at the next boundary:
 * const committed = update.commit();
 */
export class PreparedUpdate {
  readonly from: Namespace;
  readonly to: Namespace;
  readonly patch: Patch;
  private preparation: Preparation | undefined;
  /** The preparation still to do, when prepared in slices. */
  private pending: Steps | undefined;
  /** What a slice of the preparation threw: the update cannot be used any more. */
  private failure: unknown;
  private readonly checks: StateChecks;
  private state: 'prepared' | 'committed' = 'prepared';

  constructor(
    private readonly host: UpdateHost,
    private readonly plan: UpdatePlan,
    readonly policy: Policy,
    private readonly options: PrepareOptions,
    /** Given: prepare in slices, this work (settling earlier lazy updates) first. */
    before?: Steps<unknown>,
  ) {
    this.from = plan.from;
    this.to = plan.to;
    this.patch = plan.patch;
    const unsafe = policy === 'lazy' ? [...plan.classes.values()].find((classPlan) => !classPlan.lazySafe) : undefined;
    if (unsafe !== undefined) {
      throw new PatchRefusedError(
        `LiveSystem#prepare failed: class '${unsafe.oldName}' changes the value of a field that keeps its name (a transform or a migration function); policy 'lazy' cannot intercept direct reads of it; use policy 'prepared' or rename the field`,
      );
    }
    const roots = host.roots(plan.from);
    this.checks = new StateChecks('LiveSystem#prepare', plan.to, roots.starts, roots.names, options.allowFunction);
    if (before === undefined) this.preparation = new Preparation(plan, roots.starts, this.checks, 'LiveSystem#prepare');
    else this.pending = this.inSlices(before, roots.starts);
  }

  /** Number of instances of changed classes found in the state (so far, while prepared in slices). */
  get instances(): number {
    return this.preparation?.instances ?? 0;
  }

  /**
   * Prepares further, until `shouldYield()` returns true (asked between
   * steps of a fraction of a millisecond) or the preparation is done;
   * returns whether it is done (always true when not prepared in slices).
   * The state may change between two calls. Throws what `prepare` would
   * (PatchRefusedError, MigrationError, ValidationError); the update is then
   * dead and nothing visible has changed. Runs between ticks.
   *
   * @example
   * const update = live.prepareInSlices(patch);
   * while (!update.advance(() => performance.now() > sliceEnd)) await nextIdleTime();
   */
  advance(shouldYield: () => boolean): boolean {
    if (this.failure !== undefined) throw this.failure;
    if (this.pending === undefined) return true;
    try {
      if (!advanceSteps(this.pending, shouldYield)) return false;
    } catch (error) {
      this.failure = error;
      throw error;
    }
    this.pending = undefined;
    return true;
  }

  private *inSlices(before: Steps<unknown>, starts: readonly object[]): Steps {
    yield* before;
    const preparation = new Preparation(this.plan, starts, this.checks.as('LiveSystem#prepareInSlices'), 'LiveSystem#prepareInSlices', true);
    this.preparation = preparation;
    yield* preparation.steps;
  }

  /**
   * Walks the state again and migrates it afresh (instances added, moved or
   * dropped since prepare are seen). Runs between ticks: costs as much as prepare.
   * Returns the number of instances found.
   *
   * @example
   * update.refresh(); // idle time just before the boundary
   */
  refresh(): number {
    this.ready('PreparedUpdate#refresh');
    const roots = this.host.roots(this.plan.from);
    this.preparation = new Preparation(this.plan, roots.starts, this.checks.as('PreparedUpdate#refresh'), 'PreparedUpdate#refresh');
    return this.preparation.instances;
  }

  /**
   * Commits: re-migrates what changed since prepare/refresh (every instance
   * with 'eager'), then points every reference at the new objects (or, with
   * 'lazy', turns the old prototypes into migrating stubs), carries static and
   * global state and swaps the namespace. A failure before the swap throws and
   * leaves the running state untouched; the update can be refreshed and retried.
   * Runs at the tick boundary: one synchronous step that never blocks or
   * awaits. With 'lazy' its cost is per class, never per instance. With
   * 'prepared' and 'eager': one compiled compare-and-copy per instance that
   * allocates nothing for copy-and-rename migrations (a general migration
   * allocates the new values of each instance that changed), one compare and
   * one store per reference, and a rebuild of each Map or Set keyed by instances.
   *
   * @example
   * loop.atBoundary(() => update.commit());
   */
  commit(): CommittedUpdate {
    const preparation = this.ready('PreparedUpdate#commit');
    if (this.host.namespace() !== this.from) {
      throw new UpdateStateError(
        `PreparedUpdate#commit failed: version '${this.host.namespace().version}' is running, not '${this.from.version}' this update was prepared against; prepare it again`,
      );
    }
    // A class retired by an inverse rollback forwards to the running class: stubbing that one to forward back would loop.
    const retired = [...this.plan.classes.values()].find((plan) => Object.prototype.isPrototypeOf.call(plan.oldClass.prototype, plan.newClass.prototype));
    if (retired !== undefined) {
      throw new PatchRefusedError(
        `PreparedUpdate#commit failed: the new code of class '${retired.oldName}' was rolled back by an inverse migration and now forwards to the running class; nothing changed: build the patch again with fresh classes (reload its module)`,
      );
    }
    const lazy = this.policy === 'lazy';
    // The lazy policy migrates the old objects themselves: the prepared copies only served validation.
    const replacement = lazy ? new Map<object, object>() : preparation.replacement;
    if (!lazy) preparation.migrateChanged(this.policy === 'eager', 'PreparedUpdate#commit', this.checks.as('PreparedUpdate#commit'));
    const remap = (value: unknown) => (typeof value === 'object' && value !== null ? (replacement.get(value) ?? value) : value);
    const carried = carriedState(this.plan, remap, 'PreparedUpdate#commit');
    // Nothing below can throw: from here on the update is visible.
    if (!lazy) preparation.slots.swap(replacement);
    const forwarding = new Forwarding(replacement);
    const inPlace = new InPlaceMigrator(this.plan, forwarding, this.checks.as(`Lazy migration to version '${this.to.version}'`), `Lazy migration to version '${this.to.version}'`);
    const stubs = installStubs(this.plan.classes.values(), (instance, plan) => forwarding.get(instance) ?? inPlace.migrate(instance, plan));
    writeCarried(carried);
    this.state = 'committed';
    const slots = lazy ? undefined : preparation.slots;
    const pending = lazy ? preparation.found() : [];
    const committed = new CommittedUpdate(this.host, this.plan, this.policy, this.options, { inPlace, stubs, slots, forwarding, replacement, pending });
    this.host.commit(committed);
    return committed;
  }

  /** The finished preparation; throws UpdateStateError when the update is committed, failed, or not fully prepared. */
  private ready(method: string): Preparation {
    if (this.state !== 'prepared') throw new UpdateStateError(`${method} failed: the update is already committed; prepare a new one`);
    if (this.failure !== undefined) throw new UpdateStateError(`${method} failed: its preparation failed (${(this.failure as Error).message}); prepare a new one`);
    if (this.pending !== undefined || this.preparation === undefined) {
      throw new UpdateStateError(`${method} failed: the update is prepared in slices and not finished; call advance() until it returns true`);
    }
    return this.preparation;
  }
}
