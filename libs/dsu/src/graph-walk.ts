import { finishSteps, type Steps } from './steps';

/** How a container holds a value: a property (objects, arrays), a Map value, a Map key, a Set member. */
export const SlotKind = { Property: 0, MapValue: 1, MapKey: 2, SetMember: 3 } as const;
/** One of the `SlotKind` values. */
export type SlotKind = (typeof SlotKind)[keyof typeof SlotKind];

/**
 * Called for every edge of the graph that leads to an object or function;
 * `first` is true the first time `value` is reached. Returns whether to look
 * inside `value` (only asked the first time).
 */
export type EdgeVisitor = (value: object, container: object, key: unknown, kind: SlotKind, first: boolean) => boolean;

/** Objects whose insides are not state references: typed arrays, buffers, dates, weak collections... */
export function isLeaf(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  // The common containers first: one comparison instead of eight checks.
  if (prototype === Object.prototype || prototype === Array.prototype) return false;
  return (
    typeof value === 'function' ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof Promise
  );
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** Edges visited between two steps of {@link walkGraphSteps}. */
const EDGES_PER_STEP = 256;

/**
 * Walks the object graph below `starts` breadth-first, through own enumerable properties of
 * objects and arrays, Map keys and values and Set members. Shared objects and
 * cycles are entered once; every edge to them is still reported, so every
 * reference to an object can be found.
 *
 * @example
 * walkGraph([root], (value, container, key) => { console.log(key); return true; });
 */
export function walkGraph(starts: readonly object[], visit: EdgeVisitor, seen: Set<object> = new Set()): Set<object> {
  return finishSteps(walkGraphSteps(starts, visit, seen));
}

/**
 * {@link walkGraph} cut into steps of about 256 edges (a container's edges
 * are never split but an array's, a Map's or a Set's), so that a walk can be
 * spread over the idle time between ticks. The graph may change between two
 * steps: what is added to a container already walked is not seen, what is
 * removed from one not yet walked is not reported.
 *
 * @example
 * const walk = walkGraphSteps([root], visit);
 * advanceSteps(walk, () => performance.now() > sliceEnd);
 */
export function* walkGraphSteps(starts: readonly object[], visit: EdgeVisitor, seen: Set<object> = new Set()): Steps<Set<object>> {
  // Breadth first (a queue, not recursion): deep lists cannot overflow the
  // stack, and the first path found to an object is a shortest one.
  const queue = starts.filter((start) => !seen.has(start));
  for (const start of queue) seen.add(start);
  let budget = EDGES_PER_STEP;
  const reach = (value: unknown, container: object, key: unknown, kind: SlotKind): void => {
    budget -= 1;
    if (!isObject(value)) return;
    const first = !seen.has(value);
    if (first) seen.add(value);
    if (visit(value, container, key, kind, first) && first && !isLeaf(value)) queue.push(value);
  };
  for (let index = 0; index < queue.length; index++) {
    const container = queue[index] as object;
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) {
        reach(container[index], container, index, SlotKind.Property);
        if (budget <= 0) {
          budget = EDGES_PER_STEP;
          yield;
        }
      }
    } else if (container instanceof Map) {
      for (const [key, value] of container) {
        reach(key, container, key, SlotKind.MapKey);
        reach(value, container, key, SlotKind.MapValue);
        if (budget <= 0) {
          budget = EDGES_PER_STEP;
          yield;
        }
      }
    } else if (container instanceof Set) {
      for (const member of container) {
        reach(member, container, member, SlotKind.SetMember);
        if (budget <= 0) {
          budget = EDGES_PER_STEP;
          yield;
        }
      }
    } else {
      // for-in over V8's enum cache allocates nothing, unlike Object.keys.
      for (const key in container) {
        if (Object.hasOwn(container, key)) reach((container as Record<string, unknown>)[key], container, key, SlotKind.Property);
      }
      if (budget <= 0) {
        budget = EDGES_PER_STEP;
        yield;
      }
    }
  }
  return seen;
}
