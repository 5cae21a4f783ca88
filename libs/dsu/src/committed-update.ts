import { PatchRefusedError, UpdateStateError } from './errors';
import { walkGraph } from './graph-walk';
import type { Forwarding } from './forwarding';
import type { InPlaceMigrator } from './in-place-migrator';
import type { Namespace } from './namespace';
import type { Patch } from './patch';
import type { ClassPlan, UpdatePlan } from './plan-patch';
import type { SlotTable } from './slot-table';
import type { InstalledStubs } from './stubs';
import type { Policy, PrepareOptions, UpdateHost } from './update-host';

/** What a commit changed, kept for rollback until the update is released. */
export interface CommitRecord {
  readonly inPlace: InPlaceMigrator;
  readonly stubs: InstalledStubs;
  /** The rewritten references (absent with the lazy policy, which rewrites none). */
  slots: SlotTable | undefined;
  /** Old instances replaced at commit -> their new objects (strong until released). */
  readonly forwarding: Forwarding;
  /** Strong pairs for rollback of rebuilt Maps and Sets; emptied on release. */
  replacement: ReadonlyMap<object, object>;
  /** The old instances found at prepare, by class plan: what a lazy commit left to migrate. */
  pending: readonly [ClassPlan, readonly object[]][];
}

/**
 * A committed update: the new namespace runs. It can settle pending lazy
 * migrations and be rolled back while it is the latest update.
 *
 * @example
 * const committed = live.prepare(patch).commit();
 * if (telemetryLooksWrong) committed.rollback();
 */
export class CommittedUpdate {
  readonly from: Namespace;
  readonly to: Namespace;
  readonly patch: Patch;
  private state: 'committed' | 'rolled back' | 'released' = 'committed';
  /** Where `settle` stopped in `record.pending`: list, then position. */
  private cursor: [number, number] = [0, 0];

  constructor(
    private readonly host: UpdateHost,
    private readonly plan: UpdatePlan,
    readonly policy: Policy,
    private readonly options: PrepareOptions,
    private readonly record: CommitRecord,
  ) {
    this.from = plan.from;
    this.to = plan.to;
    this.patch = plan.patch;
  }

  /** Instances migrated in place so far (lazily, or because the commit could not reach them). */
  get migratedInPlace(): number {
    return this.record.inPlace.migrated;
  }

  /**
   * Migrates now, in place, up to `limit` instances still waiting for their
   * lazy migration: first those found at prepare, in order, then (once those
   * are done) any other reachable one, found by a walk of the state (each
   * call that has budget left once the list is done walks). Call it
   * between ticks with a budget to spread lazy migrations over idle time, or
   * without one before a snapshot or the next update. Returns how many were
   * migrated; 0 means nothing reachable is left.
   *
   * @example
   * loop.onIdle(() => committed.settle(500));
   */
  settle(limit = Infinity): number {
    const before = this.record.inPlace.migrated;
    const left = () => limit - (this.record.inPlace.migrated - before);
    this.drain(left());
    if (left() > 0) {
      walkGraph(this.host.roots(this.to).starts, (value) => {
        if (left() > 0) this.settleInstance(value);
        return true;
      });
    }
    return this.record.inPlace.migrated - before;
  }

  /**
   * Migrates up to `limit` of the instances found at prepare that still wait
   * for their lazy migration, in order; returns how many.
   *
   * @example
   * committed.drain(100);
   */
  drain(limit: number): number {
    const before = this.record.inPlace.migrated;
    const { pending } = this.record;
    let [list, index] = this.cursor;
    for (; list < pending.length && this.record.inPlace.migrated - before < limit; list++, index = 0) {
      const [, olds] = pending[list] as [ClassPlan, readonly object[]];
      while (index < olds.length && this.record.inPlace.migrated - before < limit) this.settleInstance(olds[index++] as object);
      if (index < olds.length) break;
    }
    this.cursor = [list, index];
    return this.record.inPlace.migrated - before;
  }

  /**
   * Migrates `instance` in place now if it is an old instance waiting for
   * this update (not yet migrated, not replaced at commit); returns whether it did.
   *
   * @example
   * committed.settleInstance(pid);
   */
  settleInstance(instance: object): boolean {
    const plan = this.plan.classes.get(Object.getPrototypeOf(instance) as object);
    if (plan === undefined || this.record.forwarding.has(instance)) return false;
    this.record.inPlace.migrate(instance, plan);
    return true;
  }

  /**
   * Gives up the ability to roll this update back, so that the old objects
   * it kept can be collected; stale references keep being forwarded. Runs
   * between ticks (it copies the forwarding table into a weak one).
   *
   * @example
   * live.release(); // after the new version has proven itself
   */
  release(): void {
    if (this.state !== 'committed') return;
    this.state = 'released';
    this.record.inPlace.forget();
    this.record.forwarding.weaken();
    this.record.slots = undefined;
    this.record.replacement = new Map();
  }

  /**
   * Returns to the previous version. With an inverse migration declared in
   * the patch, the current state is migrated back by it (changes made since
   * the commit are carried back). Without one, the exact previous state is
   * restored: the very objects that were replaced, as they were at commit, and
   * every reference to them; the previous namespace object runs again.
   * Runs at the tick boundary when there is no inverse: never blocks; cost is
   * one store per rewritten reference and one reshape per instance migrated in
   * place (which allocates nothing new: it restores saved values). With an
   * inverse it is a prepare and a commit, so it belongs between ticks.
   *
   * @example
   * committed.rollback();
   */
  rollback(): void {
    if (this.state !== 'committed') throw new UpdateStateError(`CommittedUpdate#rollback failed: the update is ${this.state}`);
    if (this.host.latest() !== this) throw new UpdateStateError('CommittedUpdate#rollback failed: a later update is committed; roll that one back first');
    const inverse = 'steps' in this.patch ? undefined : this.patch.inverse;
    if (inverse !== undefined) this.migrateBack(inverse);
    else {
      this.record.inPlace.rollback();
      this.record.stubs.remove();
      this.record.slots?.unswap(this.record.replacement);
    }
    this.state = 'rolled back';
    this.host.rollback(this);
  }

  private migrateBack(inverse: Patch): void {
    const update = this.host.prepare(inverse, { ...this.options, policy: this.policy });
    const same = update.to.names().length === this.from.names().length && this.from.names().every((name) => update.to.find(name) === this.from.get(name));
    if (!same) throw new PatchRefusedError('CommittedUpdate#rollback failed: the inverse patch does not restore the classes of the previous version; its code must be the old classes');
    // The old classes come back to life: their prototypes must stop forwarding to the new ones.
    this.record.stubs.remove();
    try {
      update.commit();
    } catch (error) {
      this.record.stubs.reinstall();
      throw error;
    }
    const globals = this.from.globals;
    for (const name of Object.keys(globals)) delete globals[name];
    Object.assign(globals, update.to.globals);
  }
}
