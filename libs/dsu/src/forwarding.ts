/**
 * What each old instance replaced at commit became: the new object method
 * calls through a stale reference are forwarded to. Strong until the update
 * is released (rollback needs the old objects), weak after, so old objects
 * nobody refers to any more can be collected.
 *
 * @example
 * const forwarding = new Forwarding(preparation.replacement);
 * forwarding.get(oldPid); // its new object
 * forwarding.weaken();
 */
export class Forwarding {
  private table: Map<object, object> | WeakMap<object, object>;

  constructor(table: Map<object, object>) {
    this.table = table;
  }

  /** The new object of `old`, if it was replaced. */
  get(old: object): object | undefined {
    return this.table.get(old);
  }

  /** Whether `old` was replaced. */
  has(old: object): boolean {
    return this.table.has(old);
  }

  /** Keeps the forwarding without keeping the old objects alive. */
  weaken(): void {
    if (this.table instanceof Map) this.table = new WeakMap(this.table);
  }
}
