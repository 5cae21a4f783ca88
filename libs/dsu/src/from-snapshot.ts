import { SnapshotError } from './errors';
import type { Namespace } from './namespace';
import { decodeValue, TYPED_ARRAYS, type Snapshot, type SnapshotNode } from './snapshot-format';

function shell(node: SnapshotNode, namespace: Namespace): object {
  switch (node.type) {
    case 'array':
      return new Array<unknown>(node.items.length);
    case 'map':
      return new Map();
    case 'set':
      return new Set();
    case 'date':
      return new Date(decodeValue(node.time, () => undefined) as number);
    case 'typed': {
      const Typed = TYPED_ARRAYS[node.kind] as unknown as new (items: unknown[]) => object;
      if (Typed === undefined) throw new SnapshotError(`fromSnapshot failed: unknown typed array '${node.kind}'`);
      return new Typed(node.items.map((item) => decodeValue(item, () => undefined)));
    }
    case 'object': {
      if (node.class === null) return {};
      const code = namespace.find(node.class);
      if (code === undefined) throw new SnapshotError(`fromSnapshot failed: class '${node.class}' is not in namespace '${namespace.version}'`);
      return Object.create(code.prototype as object) as object;
    }
  }
}

/**
 * Rebuilds the graph a snapshot describes, with the classes of `namespace`
 * (constructors do not run; fields are set in their recorded order), shared
 * objects and cycles included. Throws SnapshotError for another version or
 * format, or an unknown class.
 *
 * @example
 * const copy = fromSnapshot(JSON.parse(text), namespace) as Robot;
 */
export function fromSnapshot(snapshot: Snapshot, namespace: Namespace): unknown {
  if (snapshot.format !== 'tickswap-dsu-snapshot/1') throw new SnapshotError(`fromSnapshot failed: unknown format '${String(snapshot.format)}'`);
  if (snapshot.version !== namespace.version) {
    throw new SnapshotError(`fromSnapshot failed: the snapshot is of version '${snapshot.version}' but the namespace is '${namespace.version}'; rebuild it with the namespace it was taken with`);
  }
  const objects = snapshot.nodes.map((node) => shell(node, namespace));
  const node = (index: number): unknown => {
    if (index < 0 || index >= objects.length) throw new SnapshotError(`fromSnapshot failed: reference to missing node ${index}`);
    return objects[index];
  };
  snapshot.nodes.forEach((description, index) => {
    const target = objects[index];
    if (description.type === 'array') description.items.forEach((item, at) => ((target as unknown[])[at] = decodeValue(item, node)));
    else if (description.type === 'map') for (const [key, item] of description.entries) (target as Map<unknown, unknown>).set(decodeValue(key, node), decodeValue(item, node));
    else if (description.type === 'set') for (const item of description.items) (target as Set<unknown>).add(decodeValue(item, node));
    else if (description.type === 'object') {
      for (const [key, item] of description.fields) Object.defineProperty(target, key, { value: decodeValue(item, node), writable: true, enumerable: true, configurable: true });
    }
  });
  return decodeValue(snapshot.root, node);
}
