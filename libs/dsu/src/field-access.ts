/** Reads, writes and compares the fields of one layout with code compiled for it. */
export interface FieldAccess {
  /** Copies the layout's fields of `object` into `out` from `offset`. */
  read(object: object, out: unknown[], offset: number): void;
  /** Writes `values` into the layout's fields of `object`, in layout order. */
  write(object: object, values: readonly unknown[]): void;
  /** True when a field of `object` is not `Object.is` the value saved at `offset`. */
  differs(object: object, saved: readonly unknown[], offset: number): boolean;
  /** True when a field of `object` holds an object or a function. */
  refers(object: object): boolean;
  /** A constructor of objects with prototype `prototype` and the layout's fields set to `values`. */
  maker(prototype: object): Maker;
}

/** Builds one object of a layout from its field values (in layout order). */
export type Maker = new (values: readonly unknown[]) => object;

const compiled = new WeakMap<readonly string[], FieldAccess>();

const isReference = (value: unknown): boolean => (typeof value === 'object' && value !== null) || typeof value === 'function';

/**
 * Field access compiled for a layout. A loop over field names with computed
 * keys is megamorphic (about 10 ns a field); code with constant keys is
 * monomorphic and lets a 100k-instance commit fit in a tick boundary. New
 * objects come from a compiled constructor whose `prototype` is the new
 * class's: V8 sizes its instances to hold every field in-object, where
 * adding fields one by one to `Object.create(prototype)` spills past the
 * fourth into a separate, slower backing store (and an object literal with
 * `__proto__` takes a slow runtime path). Names are embedded as JSON string
 * literals, so any name is safe.
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
  const makers = new WeakMap<object, Maker>();
  const read = keys.map((key, index) => `out[offset + ${index}] = object[${key}];`).join('\n');
  const write = keys.map((key, index) => `object[${key}] = values[${index}];`).join('\n');
  const refers = keys.map((key) => `isReference(object[${key}])`).join(' || ') || 'false';
  const differs = keys.map((key, index) => `!Object.is(object[${key}], saved[offset + ${index}])`).join(' || ') || 'false';
  const access: FieldAccess = {
    read: new Function('object', 'out', 'offset', read) as FieldAccess['read'],
    write: new Function('object', 'values', write) as FieldAccess['write'],
    differs: new Function('object', 'saved', 'offset', `return ${differs};`) as FieldAccess['differs'],
    refers: new Function('isReference', `return (object) => ${refers};`)(isReference) as FieldAccess['refers'],
    maker: (prototype) => {
      let maker = makers.get(prototype);
      if (maker === undefined) {
        maker = new Function('values', write.replaceAll('object[', 'this[')) as unknown as Maker;
        (maker as unknown as { prototype: object }).prototype = prototype;
        makers.set(prototype, maker);
      }
      return maker;
    },
  };
  compiled.set(layout, access);
  return access;
}
