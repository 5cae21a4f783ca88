/** A number JSON cannot carry, a missing value, or a bigint. */
export type SpecialValue =
  | { readonly $num: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { readonly $undefined: true }
  | { readonly $bigint: string };

/** One value of a snapshot: a JSON primitive, a reference to a node, or a special value. */
export type SnapshotValue = null | boolean | number | string | { readonly $ref: number } | SpecialValue;

/** The typed arrays a snapshot carries, by constructor name. */
export const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

/** One object of the graph. Fields are pairs so that a key like `__proto__` stays a plain key. */
export type SnapshotNode =
  | { readonly type: 'object'; readonly class: string | null; readonly fields: readonly (readonly [string, SnapshotValue])[] }
  | { readonly type: 'array'; readonly items: readonly SnapshotValue[] }
  | { readonly type: 'map'; readonly entries: readonly (readonly [SnapshotValue, SnapshotValue])[] }
  | { readonly type: 'set'; readonly items: readonly SnapshotValue[] }
  | { readonly type: 'typed'; readonly kind: keyof typeof TYPED_ARRAYS; readonly items: readonly SnapshotValue[] }
  | { readonly type: 'date'; readonly time: SnapshotValue };

/**
 * A class-tagged, JSON-compatible image of a state graph: every object once
 * in `nodes`, references by index, so shared objects and cycles survive.
 */
export interface Snapshot {
  readonly format: 'tickswap-dsu-snapshot/1';
  /** The namespace version whose classes the `class` tags name. */
  readonly version: string;
  readonly root: SnapshotValue;
  readonly nodes: readonly SnapshotNode[];
}

/**
 * Encodes a primitive; objects are the caller's (they become `$ref`s).
 *
 * @example
 * encodePrimitive(-0); // { $num: '-0' }
 */
export function encodePrimitive(value: unknown): SnapshotValue {
  if (value === undefined) return { $undefined: true };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $num: 'NaN' };
    if (value === Infinity) return { $num: 'Infinity' };
    if (value === -Infinity) return { $num: '-Infinity' };
    if (Object.is(value, -0)) return { $num: '-0' };
  }
  return value as SnapshotValue;
}

/**
 * Decodes a snapshot value; `$ref`s are resolved through `node`.
 *
 * @example
 * decodeValue({ $num: 'NaN' }, () => ({})); // NaN
 */
export function decodeValue(value: SnapshotValue, node: (index: number) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('$ref' in value) return node(value.$ref);
  if ('$undefined' in value) return undefined;
  if ('$bigint' in value) return BigInt(value.$bigint);
  return value.$num === '-0' ? -0 : Number(value.$num);
}
