/** An object found in a state graph, and the path code would reach it by. */
export interface FoundInstance {
  /** From the root's name: `root.behaviour.heading`, `root.wheels[1]`. */
  readonly path: string;
  readonly value: object;
}

const step = (key: string | number): string => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/**
 * The first object below `root` (breadth-first, so the shortest path) that
 * `matches`, through own enumerable properties of objects and the items of
 * arrays; typed arrays are leaves. Shared objects and cycles are visited once.
 * Used to report and to seed, never in a tick.
 *
 * @example
 * findInstance(live.root, 'root', (value) => value instanceof WheelOdometry)?.path; // 'root.behaviour.odometry'
 */
export function findInstance(root: object, name: string, matches: (value: object) => boolean): FoundInstance | undefined {
  const seen = new Set<object>([root]);
  const queue: FoundInstance[] = [{ path: name, value: root }];
  for (let at = 0; at < queue.length; at++) {
    const found = queue[at] as FoundInstance;
    if (matches(found.value)) return found;
    const entries: [string | number, unknown][] = Array.isArray(found.value) ? found.value.map((item, index) => [index, item]) : Object.entries(found.value);
    for (const [key, value] of entries) {
      if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) continue;
      seen.add(value);
      queue.push({ path: found.path + step(key), value });
    }
  }
  return undefined;
}
