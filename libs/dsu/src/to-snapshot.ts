import { SnapshotError } from './errors';
import type { Namespace } from './namespace';
import { encodePrimitive, TYPED_ARRAYS, type Snapshot, type SnapshotNode, type SnapshotValue } from './snapshot-format';

function typedKind(value: object): keyof typeof TYPED_ARRAYS | undefined {
  const name = Object.getPrototypeOf(value)?.constructor?.name as string | undefined;
  return name !== undefined && name in TYPED_ARRAYS && ArrayBuffer.isView(value) ? (name as keyof typeof TYPED_ARRAYS) : undefined;
}

/**
 * A class-tagged, JSON-compatible image of the graph below `root`: instances
 * of `namespace` classes carry their class name, plain objects, arrays, Maps,
 * Sets, typed arrays and dates their contents; NaN, ±Infinity, -0, undefined
 * and bigints are tagged; shared objects and cycles become references. Settle
 * pending lazy migrations first. Throws SnapshotError on a function or an
 * instance of a class outside the namespace.
 *
 * @example
 * const image = JSON.stringify(toSnapshot(live.root, live.namespace));
 */
export function toSnapshot(root: unknown, namespace: Namespace): Snapshot {
  const ids = new Map<object, number>();
  const queue: object[] = [];
  const paths: string[] = [];
  const nodes: SnapshotNode[] = [];
  const encode = (value: unknown, path: string): SnapshotValue => {
    if (typeof value === 'function') throw new SnapshotError(`toSnapshot failed: ${path}: a function cannot be serialised; keep functions out of the state`);
    if (typeof value !== 'object' || value === null) return encodePrimitive(value);
    let id = ids.get(value);
    if (id === undefined) {
      id = queue.length;
      ids.set(value, id);
      queue.push(value);
      paths.push(path);
    }
    return { $ref: id };
  };
  const top = encode(root, 'root');
  for (let index = 0; index < queue.length; index++) {
    const value = queue[index] as object;
    const path = paths[index] as string;
    nodes.push(encodeNode(value, path, namespace, encode));
  }
  return { format: 'tickswap-dsu-snapshot/1', version: namespace.version, root: top, nodes };
}

function encodeNode(value: object, path: string, namespace: Namespace, encode: (value: unknown, path: string) => SnapshotValue): SnapshotNode {
  if (Array.isArray(value)) return { type: 'array', items: value.map((item, index) => encode(item, `${path}[${index}]`)) };
  if (value instanceof Map) return { type: 'map', entries: [...value].map(([key, item]) => [encode(key, `${path}.keys()`), encode(item, `${path}.get(${String(key)})`)] as const) };
  if (value instanceof Set) return { type: 'set', items: [...value].map((item) => encode(item, `${path}.values()`)) };
  if (value instanceof Date) return { type: 'date', time: encodePrimitive(value.getTime()) };
  const kind = typedKind(value);
  if (kind !== undefined) return { type: 'typed', kind, items: Array.from(value as ArrayLike<unknown>, encodePrimitive) };
  const prototype = Object.getPrototypeOf(value) as object | null;
  const name = prototype === Object.prototype ? null : namespace.nameOfPrototype(prototype);
  if (name === undefined) {
    throw new SnapshotError(`toSnapshot failed: ${path}: an instance of a class outside namespace '${namespace.version}' cannot be rebuilt; add its class or settle lazy migrations first`);
  }
  const fields = Object.keys(value).map((key) => [key, encode((value as Record<string, unknown>)[key], `${path}.${key}`)] as const);
  return { type: 'object', class: name, fields };
}
