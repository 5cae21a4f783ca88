import { useRatio } from './measure-use';
import { pidVersions, timed, type BenchPid } from './pid-versions';

/** A naive way to migrate PIDs, for reference. */
export type Baseline = 'copy' | 'in-place';

const OLD = ['kp', 'ki', 'kd', 'integral', 'previous', 'limit'];
const NEW = ['kp', 'gain', 'kd', 'integral', 'previous', 'limit'];

/**
 * Times a naive migration of `n` PIDs (nanoseconds per instance) and the use
 * ratio it leaves: `copy` builds fresh objects with a generic field loop (no
 * identity: references are not rewritten); `in-place` renames with
 * `delete` and `Object.setPrototypeOf` on the same objects.
 *
 * @example
 * const { perInstance, ratio } = measureBaseline(100_000, 'in-place');
 */
export function measureBaseline(n: number, baseline: Baseline): { perInstance: number; ratio: number } {
  const { Pid, PidV2 } = pidVersions();
  const olds = Array.from({ length: n }, (_, index) => new Pid(index)) as unknown as Record<string, unknown>[];
  let migrated: Record<string, unknown>[] = olds;
  const seconds = timed(() => {
    if (baseline === 'copy') {
      migrated = olds.map((old) => {
        const fresh = Object.create(PidV2.prototype) as Record<string, unknown>;
        OLD.forEach((name, index) => (fresh[NEW[index] as string] = old[name]));
        fresh['bias'] = 0;
        return fresh;
      });
    } else {
      for (const old of olds) {
        old['gain'] = old['ki'];
        delete old['ki'];
        old['bias'] = 0;
        Object.setPrototypeOf(old, PidV2.prototype);
      }
    }
  });
  const fresh = Array.from({ length: n }, (_, index) => new PidV2(index));
  return { perInstance: (seconds / n) * 1e9, ratio: useRatio(migrated as unknown as BenchPid[], fresh) };
}
