import { median } from '../statistics';
import { compileTick, timed, type BenchPid } from './pid-versions';

const PASSES = 9;

/**
 * Steady-state cost of calling a method on `objects` over calling it on
 * `fresh` (instances built by the new class's constructor): the ratio of the
 * median times of interleaved passes, each set through its own compiled tick.
 *
 * @example
 * useRatio(root.pids, Array.from({ length: n }, (_, i) => new PidV2(i)));
 */
export function useRatio(objects: readonly BenchPid[], fresh: readonly BenchPid[]): number {
  const tickObjects = compileTick();
  const tickFresh = compileTick();
  for (let warm = 0; warm < 3; warm++) {
    tickObjects(objects, 0);
    tickFresh(fresh, 0);
  }
  const times: [number[], number[]] = [[], []];
  for (let pass = 0; pass < PASSES; pass++) {
    times[0].push(timed(() => tickObjects(objects, 1e-3)));
    times[1].push(timed(() => tickFresh(fresh, 1e-3)));
  }
  return median(times[0]) / median(times[1]);
}
