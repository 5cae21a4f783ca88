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
  private readonly containers: object[] = [];
  private readonly keys: unknown[] = [];
  private readonly kinds: SlotKind[] = [];
  private readonly olds: object[] = [];
  private readonly news: object[] = [];
  private readonly collections = new Set<Map<unknown, unknown> | Set<unknown>>();

  /** Number of places recorded. */
  get size(): number {
    return this.olds.length + this.collections.size;
  }

  /** Records that `container` holds `old` under `key`, to be replaced by `fresh`. */
  add(container: object, key: unknown, kind: SlotKind, old: object, fresh: object): void {
    if (kind === SlotKind.MapKey || kind === SlotKind.SetMember) {
      this.collections.add(container as Map<unknown, unknown> | Set<unknown>);
      return;
    }
    this.containers.push(container);
    this.keys.push(key);
    this.kinds.push(kind);
    this.olds.push(old);
    this.news.push(fresh);
  }

  /**
   * Points every place at its new object.
   * Runs at the tick boundary: allocates nothing per place except for rebuilt
   * collections; a place that no longer holds its old object is left alone.
   */
  swap(replacement: ReadonlyMap<object, object>): void {
    this.write(this.olds, this.news);
    for (const collection of this.collections) rebuilt(collection, (value) => (typeof value === 'object' && value !== null ? (replacement.get(value) ?? value) : value));
  }

  /** Points every place back at its old object (rollback). */
  unswap(replacement: ReadonlyMap<object, object>): void {
    this.write(this.news, this.olds);
    const back = new Map([...replacement].map(([old, fresh]) => [fresh, old]));
    for (const collection of this.collections) rebuilt(collection, (value) => (typeof value === 'object' && value !== null ? (back.get(value) ?? value) : value));
  }

  private write(from: readonly object[], to: readonly object[]): void {
    const { containers, keys, kinds } = this;
    for (let index = 0; index < containers.length; index++) {
      const container = containers[index] as Container;
      const key = keys[index];
      if (kinds[index] === SlotKind.Property) {
        if (container[key as PropertyKey] === from[index]) container[key as PropertyKey] = to[index];
      } else {
        const map = container as unknown as Map<unknown, unknown>;
        if (map.get(key) === from[index]) map.set(key, to[index]);
      }
    }
  }
}
