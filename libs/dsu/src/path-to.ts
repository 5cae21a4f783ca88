import { SlotKind, walkGraph } from './graph-walk';

/**
 * Names one place of a value in a container, as code would reach it:
 * `.pid`, `[1]`, `["odd key"]`, `.get("left")`; object keys of Maps and Set
 * members have no name and read `.get(<object>)`, `.keys()<object>`, `.values()<object>`.
 *
 * @example
 * pathStep(SlotKind.Property, 'wheels'); // '.wheels'
 */
export function pathStep(kind: SlotKind, key: unknown): string {
  const isObject = typeof key === 'object' && key !== null;
  if (kind === SlotKind.Property) {
    if (typeof key === 'number') return `[${key}]`;
    return /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(key)}]`;
  }
  if (kind === SlotKind.MapValue) return isObject ? '.get(<object>)' : `.get(${JSON.stringify(key) ?? String(key)})`;
  return kind === SlotKind.MapKey ? '.keys()<object>' : '.values()<object>';
}

/**
 * A shortest path from `start` (called `name`) to `target` in the object graph, e.g.
 * `root.wheels[1].pid`; undefined when `target` is not reachable. Only used
 * to report a failure, so it may walk the whole graph.
 *
 * @example
 * pathTo({ wheels: [a, b] }, 'root', b); // 'root.wheels[1]'
 */
export function pathTo(start: object, name: string, target: object): string | undefined {
  if (start === target) return name;
  const parents = new Map<object, { readonly parent: object; readonly step: string }>();
  walkGraph([start], (value, container, key, kind, first) => {
    if (first) parents.set(value, { parent: container, step: pathStep(kind, key) });
    return first && value !== target;
  });
  if (!parents.has(target)) return undefined;
  const steps: string[] = [];
  for (let at: object = target; at !== start; ) {
    const link = parents.get(at) as { readonly parent: object; readonly step: string };
    steps.unshift(link.step);
    at = link.parent;
  }
  return name + steps.join('');
}
