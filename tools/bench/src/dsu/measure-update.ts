import { LiveSystem, type Policy } from '@tickswap/dsu';
import { useRatio } from './measure-use';
import { compileTick, pidVersions, timed, type BenchPid } from './pid-versions';

/** One run of an update of `n` PIDs, in seconds, and the use ratio of the migrated objects. */
export interface UpdateRun {
  readonly prepare: number;
  readonly commit: number;
  /** Extra time of the first tick after commit over a steady tick (lazy migration happens there). */
  readonly firstUse: number;
  readonly ratio: number;
}

/**
 * Prepares and commits the PID patch over `n` instances with `policy`, the
 * way the control loop does: prepare between ticks, one tick of state change
 * (every integral changes) when `changed`, then commit at the boundary.
 *
 * @example
 * const run = measureUpdate(100_000, 'lazy', true);
 */
export function measureUpdate(n: number, policy: Policy, changed: boolean): UpdateRun {
  const { Pid, PidV2, patch, namespace } = pidVersions();
  const root = { pids: Array.from({ length: n }, (_, index) => new Pid(index)) as BenchPid[] };
  const tick = compileTick();
  // A running robot: the integrals already hold fractions.
  tick(root.pids, 1e-3);
  const live = new LiveSystem(namespace, root);
  let update = undefined as ReturnType<typeof live.prepare> | undefined;
  const prepare = timed(() => (update = live.prepare(patch, { policy })));
  if (changed) tick(root.pids, 1e-3);
  const commit = timed(() => update?.commit());
  const after = compileTick();
  const first = timed(() => after(root.pids, 1e-3));
  const steady = timed(() => after(root.pids, 1e-3));
  const fresh = Array.from({ length: n }, (_, index) => new PidV2(index));
  return { prepare, commit, firstUse: Math.max(0, first - steady), ratio: useRatio(root.pids, fresh) };
}
