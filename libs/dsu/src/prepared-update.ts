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
import { installStubs } from './stubs';
import type { Policy, PrepareOptions, UpdateHost } from './update-host';

/**
 * An update prepared off to the side: the new namespace and the migrated
 * copies of every instance found, validated; nothing visible has changed.
 * The state may keep changing: `refresh()` walks it again between ticks and
 * `commit()` re-migrates, from the state as of the boundary, every instance
 * whose fields changed since.
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
  private preparation: Preparation;
  private readonly checks: StateChecks;
  private state: 'prepared' | 'committed' = 'prepared';

  constructor(
    private readonly host: UpdateHost,
    private readonly plan: UpdatePlan,
    readonly policy: Policy,
    private readonly options: PrepareOptions,
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
    this.preparation = new Preparation(plan, roots.starts, this.checks, 'LiveSystem#prepare');
  }

  /** Number of instances of changed classes found in the state. */
  get instances(): number {
    return this.preparation.instances;
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
    this.assertPrepared('PreparedUpdate#refresh');
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
    this.assertPrepared('PreparedUpdate#commit');
    if (this.host.namespace() !== this.from) {
      throw new UpdateStateError(
        `PreparedUpdate#commit failed: version '${this.host.namespace().version}' is running, not '${this.from.version}' this update was prepared against; prepare it again`,
      );
    }
    const lazy = this.policy === 'lazy';
    // The lazy policy migrates the old objects themselves: the prepared copies only served validation.
    const replacement = lazy ? new Map<object, object>() : this.preparation.replacement;
    if (!lazy) this.preparation.migrateChanged(this.policy === 'eager', 'PreparedUpdate#commit', this.checks.as('PreparedUpdate#commit'));
    const remap = (value: unknown) => (typeof value === 'object' && value !== null ? (replacement.get(value) ?? value) : value);
    const carried = carriedState(this.plan, remap, 'PreparedUpdate#commit');
    // Nothing below can throw: from here on the update is visible.
    if (!lazy) this.preparation.slots.swap(replacement);
    const forwarding = new Forwarding(replacement);
    const inPlace = new InPlaceMigrator(this.plan, forwarding, this.checks.as(`Lazy migration to version '${this.to.version}'`), `Lazy migration to version '${this.to.version}'`);
    const stubs = installStubs(this.plan.classes.values(), (instance, plan) => forwarding.get(instance) ?? inPlace.migrate(instance, plan));
    writeCarried(carried);
    this.state = 'committed';
    const slots = lazy ? undefined : this.preparation.slots;
    const pending = lazy ? this.preparation.found() : [];
    const committed = new CommittedUpdate(this.host, this.plan, this.policy, this.options, { inPlace, stubs, slots, forwarding, replacement, pending });
    this.host.commit(committed);
    return committed;
  }

  private assertPrepared(method: string): void {
    if (this.state !== 'prepared') throw new UpdateStateError(`${method} failed: the update is already committed; prepare a new one`);
  }
}
