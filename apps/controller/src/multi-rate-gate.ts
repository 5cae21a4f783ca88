import type { BoundaryCondition, BoundaryGate } from '@tickswap/control-loop';
import { stepsOf, type LiveSystem, type PreparedUpdate } from '@tickswap/dsu';

/** A behaviour that does not run every tick and says when it is idle (`MultiRate` does). */
interface Intermittent {
  readonly idle: boolean;
}

const isIntermittent = (value: object): value is Intermittent => typeof (value as { idle?: unknown }).idle === 'boolean';

/** The prototypes of the classes `update` replaces or removes, as they run now. */
function changedPrototypes(update: PreparedUpdate): Set<object> {
  const prototypes = new Set<object>();
  for (const step of stepsOf(update.patch)) {
    for (const [name, change] of Object.entries(step.classes ?? {})) {
      const code = change.kind === 'add' ? undefined : update.from.find(name);
      if (code !== undefined) prototypes.add(code.prototype as object);
    }
  }
  return prototypes;
}

/**
 * Visits every object reachable from `start` through own enumerable fields
 * (typed arrays are leaves), breadth first, with its path; stops at the first
 * visit that returns true and says whether one did.
 */
function walk(start: object, path: string, visit: (value: object, path: string) => boolean): boolean {
  const seen = new Set<object>([start]);
  const queue: [object, string][] = [[start, path]];
  for (let index = 0; index < queue.length; index++) {
    const [value, at] = queue[index] as [object, string];
    if (visit(value, at)) return true;
    if (ArrayBuffer.isView(value)) continue;
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'object' && field !== null && !seen.has(field)) {
        seen.add(field);
        queue.push([field, `${at}.${key}`]);
      }
    }
  }
  return false;
}

/**
 * The controller's boundary gate for multi-rate behaviours: an update may
 * commit only at a boundary where every intermittent behaviour it touches
 * (an object with a boolean `idle`, such as `MultiRate`, whose class, or the
 * class of anything it holds, the update replaces or removes) is idle; see
 * `MultiRate` for the precise meaning of idle. An update touching none
 * commits at any boundary. Which behaviours are touched is decided once, when
 * the update is ready (between ticks).
 *
 * @example
 * const swap = new HotSwap(live, { gate: multiRateGate(live) });
 */
export function multiRateGate(live: LiveSystem<object>): BoundaryGate {
  return (update: PreparedUpdate): BoundaryCondition => {
    const changed = changedPrototypes(update);
    const touched: [Intermittent, string][] = [];
    walk(live.root, 'root', (value, path) => {
      const changes = (inner: object) => changed.has(Object.getPrototypeOf(inner) as object);
      if (isIntermittent(value) && walk(value, path, changes)) touched.push([value, path]);
      return false;
    });
    const behaviours = touched.map(([behaviour]) => behaviour);
    return {
      // Runs at the tick boundary: a loop over a fixed array, no allocation.
      open: () => {
        for (const behaviour of behaviours) if (!behaviour.idle) return false;
        return true;
      },
      waitingFor: `a boundary where ${touched.map(([, path]) => path).join(', ')} ${touched.length === 1 ? 'is' : 'are'} idle`,
    };
  };
}
