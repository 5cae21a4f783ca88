import type { CommittedUpdate } from './committed-update';
import type { Namespace } from './namespace';
import type { Patch } from './patch';
import { walkGraphSteps } from './graph-walk';
import { planPatch } from './plan-patch';
import { PreparedUpdate } from './prepared-update';
import { finishSteps, type Steps } from './steps';
import type { PrepareOptions, Roots, UpdateHost } from './update-host';
import { validateState, type ValidateOptions } from './validate-state';

/** Lazy migrations run between two steps of a settle. */
const SETTLE_BATCH = 256;

/**
 * The running namespace and the state graph a host runs (JavaScript has no
 * `allInstances`: instances are found by walking from `root`, from the static
 * fields of every class and from the namespace's globals). The host reads
 * `namespace` and `root` each tick; a commit swaps the first and rewrites
 * references inside the second (or `root` itself).
 *
 * @example
 * const live = new LiveSystem(Namespace.of('1', { Pid }), { wheels: [new Pid(), new Pid()] });
 * const committed = live.prepare(patch).commit();
 * live.namespace.version; // '2'
 */
export class LiveSystem<Root extends object = object> {
  private readonly holder: { root: Root };
  private running: Namespace;
  private readonly history: CommittedUpdate[] = [];
  private readonly host: UpdateHost;

  constructor(namespace: Namespace, root: Root) {
    this.running = namespace;
    this.holder = { root };
    this.host = {
      namespace: () => this.running,
      roots: (at) => this.roots(at),
      commit: (update) => {
        this.running = update.to;
        this.history.push(update);
      },
      rollback: (update) => {
        this.running = update.from;
        this.history.splice(this.history.indexOf(update));
      },
      latest: () => this.history.at(-1),
      prepare: (patch, options) => this.prepare(patch, options),
    };
  }

  /** The running namespace. */
  get namespace(): Namespace {
    return this.running;
  }

  /** The root of the state; a commit may replace it when it is itself an instance of a changed class. */
  get root(): Root {
    return this.holder.root;
  }

  set root(root: Root) {
    this.holder.root = root;
  }

  /** Committed updates, oldest first (the latest can be rolled back unless released). */
  get updates(): readonly CommittedUpdate[] {
    return [...this.history];
  }

  /**
   * Prepares `patch` off to the side: refuses it (typed error, nothing
   * touched) if it is for another version or invalid, finds every instance,
   * migrates copies and validates them. Pending lazy migrations are settled
   * first. Runs between ticks: costs a walk of the state and a migration per instance.
   *
   * @example
   * const update = live.prepare(patch, { policy: 'lazy' });
   */
  prepare(patch: Patch, options: PrepareOptions = {}): PreparedUpdate {
    const plan = planPatch(this.running, patch, 'LiveSystem#prepare');
    this.settle();
    return new PreparedUpdate(this.host, plan, options.policy ?? 'prepared', options);
  }

  /**
   * What {@link prepare} does, cut into steps to spread over the idle time
   * between ticks: refuses an invalid patch at once (typed error, nothing
   * touched), then returns an update that does nothing until its `advance`
   * is called, a slice at a time, and can commit once `advance` has returned
   * true. Pending lazy migrations are settled by the first steps. The state
   * may change between slices: the commit re-migrates what changed, and an
   * instance the walk did not see (added to a part already walked) is
   * migrated in place on first use. Runs between ticks: costs a plan of the
   * patch (per class), the rest is in the steps.
   *
   * @example
   * const update = live.prepareInSlices(patch, { policy: 'prepared' });
   * // between ticks, until it returns true:
   * update.advance(() => performance.now() >= sliceEnd);
   * // at a boundary, once it has:
   * update.commit();
   */
  prepareInSlices(patch: Patch, options: PrepareOptions = {}): PreparedUpdate {
    const plan = planPatch(this.running, patch, 'LiveSystem#prepareInSlices');
    return new PreparedUpdate(this.host, plan, options.policy ?? 'prepared', options, this.settleSteps());
  }

  /**
   * Prepares and commits at once (desk use, tests).
   *
   * @example
   * live.update(patch).rollback();
   */
  update(patch: Patch, options: PrepareOptions = {}): CommittedUpdate {
    return this.prepare(patch, options).commit();
  }

  /**
   * Migrates every reachable instance still waiting for a lazy migration,
   * oldest update first; returns how many. Runs between ticks (walks the state).
   *
   * @example
   * live.settle(); // before taking a snapshot
   */
  settle(): number {
    return finishSteps(this.settleSteps());
  }

  /** {@link settle} as steps: the instances found at prepare a batch at a time, then one walk of the state. */
  private *settleSteps(): Steps<number> {
    let count = 0;
    for (const update of this.history) {
      let drained: number;
      do {
        drained = update.drain(SETTLE_BATCH);
        count += drained;
        yield;
      } while (drained === SETTLE_BATCH);
    }
    if (this.history.length === 0) return count;
    // One walk for every update, oldest first: an instance two versions behind migrates twice.
    yield* walkGraphSteps(this.roots(this.running).starts, (value) => {
      for (const update of this.history) if (update.settleInstance(value)) count++;
      return true;
    });
    return count;
  }

  /**
   * Releases every committed update but the latest `keep`: they can no longer
   * be rolled back, and the old objects they kept can be collected (a robot
   * that runs for months must not keep every version's state). Runs between ticks.
   *
   * @example
   * live.release(1); // keep only the last update's rollback
   */
  release(keep = 0): void {
    this.history.slice(0, Math.max(0, this.history.length - keep)).forEach((update) => update.release());
  }

  /**
   * Runs the system validations on the live state (after settling lazy
   * migrations): every instance of the running namespace, every declared
   * field present, no function of an old version. Throws ValidationError.
   *
   * @example
   * live.validate({ allowFunction: (fn) => fn === onFault });
   */
  validate(options: ValidateOptions = {}): void {
    this.settle();
    const previous = this.history.map((update) => update.from);
    validateState(this.roots(this.running), this.running, { ...options, previous: [...previous, ...(options.previous ?? [])] });
  }

  private roots(namespace: Namespace): Roots {
    const names = namespace.names();
    // The holder is named '' so paths read `root.wheels[1]`, not `.root.wheels[1]`.
    return { starts: [this.holder, ...names.map((name) => namespace.get(name)), namespace.globals], names: ['', ...names, 'globals'] };
  }
}
