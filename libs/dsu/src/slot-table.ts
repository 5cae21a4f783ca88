import { SlotKind } from './graph-walk';

type Container = Record<PropertyKey, unknown>;

function rebuilt(container: Map<unknown, unknown> | Set<unknown>, swap: (value: unknown) => unknown): void {
  if (container instanceof Set) {
    const members = [...container];
    container.clear();
    for (const member of members) container.add(swap(member));
  } else {
    const entries = [...container];
    container.clear();
    for (const [key, value] of entries) container.set(swap(key), swap(value));
  }
}

/** Places of one kind: container, key, old object, new object, in parallel arrays. */
class Places {
  readonly containers: object[] = [];
  readonly keys: unknown[] = [];
  readonly olds: object[] = [];
  readonly news: object[] = [];

  push(container: object, key: unknown, old: object, fresh: object): void {
    this.containers.push(container);
    this.keys.push(key);
    this.olds.push(old);
    this.news.push(fresh);
  }
}

/**
 * Every place in the state graph that refers to an instance being replaced,
 * so a commit can point them at the new objects and a rollback back at the old
 * ones. Maps with instance keys and Sets with instance members are rebuilt
 * whole (in their order), since a key cannot be replaced in place.
 *
 * @example
 * const slots = new SlotTable();
 * slots.add(root, 'pid', SlotKind.Property, oldPid, newPid);
 * slots.swap(new Map([[oldPid, newPid]])); // root.pid === newPid
 */
export class SlotTable {
  private readonly properties = new Places();
  private readonly mapValues = new Places();
  private readonly collections = new Set<Map<unknown, unknown> | Set<unknown>>();

  /** Number of places recorded. */
  get size(): number {
    return this.properties.olds.length + this.mapValues.olds.length + this.collections.size;
  }

  /** Records that `container` holds `old` under `key`, to be replaced by `fresh`. */
  add(container: object, key: unknown, kind: SlotKind, old: object, fresh: object): void {
    if (kind === SlotKind.Property) this.properties.push(container, key, old, fresh);
    else if (kind === SlotKind.MapValue) this.mapValues.push(container, key, old, fresh);
    else this.collections.add(container as Map<unknown, unknown> | Set<unknown>);
  }

  /**
   * Points every place at its new object.
   * Runs at the tick boundary: never blocks; one compare and one store per place, no
   * allocation except for rebuilt collections; a place that no longer holds
   * its old object is left alone.
   */
  swap(replacement: ReadonlyMap<object, object>): void {
    this.write(false);
    for (const collection of this.collections) rebuilt(collection, (value) => (typeof value === 'object' && value !== null ? (replacement.get(value) ?? value) : value));
  }

  /** Points every place back at its old object (rollback). */
  unswap(replacement: ReadonlyMap<object, object>): void {
    this.write(true);
    const back = new Map([...replacement].map(([old, fresh]) => [fresh, old]));
    for (const collection of this.collections) rebuilt(collection, (value) => (typeof value === 'object' && value !== null ? (back.get(value) ?? value) : value));
  }

  private write(back: boolean): void {
    const { containers, keys } = this.properties;
    const [from, to] = back ? [this.properties.news, this.properties.olds] : [this.properties.olds, this.properties.news];
    for (let index = 0; index < containers.length; index++) {
      const container = containers[index] as Container;
      const key = keys[index] as PropertyKey;
      if (container[key] === from[index]) container[key] = to[index];
    }
    const maps = this.mapValues;
    const [mapFrom, mapTo] = back ? [maps.news, maps.olds] : [maps.olds, maps.news];
    for (let index = 0; index < maps.containers.length; index++) {
      const map = maps.containers[index] as Map<unknown, unknown>;
      if (map.get(maps.keys[index]) === mapFrom[index]) map.set(maps.keys[index], mapTo[index]);
    }
  }
}
