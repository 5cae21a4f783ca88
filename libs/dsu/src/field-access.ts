/** Reads, writes and compares the fields of one layout with code compiled for it. */
export interface FieldAccess {
  /** Copies the layout's fields of `object` into `out` from `offset`. */
  read(object: object, out: unknown[], offset: number): void;
  /** Writes `values` into the layout's fields of `object`, in layout order. */
  write(object: object, values: readonly unknown[]): void;
  /** True when a field of `object` is not `Object.is` the value saved at `offset`. */
  differs(object: object, saved: readonly unknown[], offset: number): boolean;
}

const compiled = new WeakMap<readonly string[], FieldAccess>();

/**
 * Field access compiled for a layout. A loop over field names with computed
 * keys is megamorphic (about 10 ns a field); code with constant keys is
 * monomorphic and lets a 100k-instance commit fit in a tick boundary. Names
 * are embedded as JSON string literals, so any name is safe.
 *
 * @example
 * const access = fieldAccess(['kp', 'ki']);
 * const out: unknown[] = [];
 * access.read({ kp: 1, ki: 2 }, out, 0); // out = [1, 2]
 */
export function fieldAccess(layout: readonly string[]): FieldAccess {
  const known = compiled.get(layout);
  if (known !== undefined) return known;
  const keys = layout.map((name) => JSON.stringify(name));
  const read = keys.map((key, index) => `out[offset + ${index}] = object[${key}];`).join('\n');
  const write = keys.map((key, index) => `object[${key}] = values[${index}];`).join('\n');
  const differs = keys.map((key, index) => `!Object.is(object[${key}], saved[offset + ${index}])`).join(' || ') || 'false';
  const access: FieldAccess = {
    read: new Function('object', 'out', 'offset', read) as FieldAccess['read'],
    write: new Function('object', 'values', write) as FieldAccess['write'],
    differs: new Function('object', 'saved', 'offset', `return ${differs};`) as FieldAccess['differs'],
  };
  compiled.set(layout, access);
  return access;
}
