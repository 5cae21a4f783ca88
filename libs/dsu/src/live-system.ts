import type { CommittedUpdate } from './committed-update';
import type { Namespace } from './namespace';
import type { Patch } from './patch';
import { walkGraph } from './graph-walk';
import { planPatch } from './plan-patch';
import { PreparedUpdate } from './prepared-update';
import type { PrepareOptions, Roots, UpdateHost } from './update-host';
import { validateState, type ValidateOptions } from './validate-state';

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
    let count = this.history.reduce((sum, update) => sum + update.drain(Infinity), 0);
    // One walk for every update, oldest first: an instance two versions behind migrates twice.
    walkGraph(this.roots(this.running).starts, (value) => {
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
