/**
 * The canonical JSON text of a JSON value: object keys sorted by UTF-16 code
 * units, no white space, strings and numbers as `JSON.stringify` writes them
 * (the JSON Canonicalization Scheme, RFC 8785, for the values a bundle
 * holds). Two equal values give the same text whatever their key order, so a
 * digest of it does not depend on how the document was written.
 * Throws a `TypeError` for a value JSON cannot hold (undefined, a function,
 * a non-finite number).
 *
 * @example
 * canonicalJson({ b: [1, 'x'], a: null }); // '{"a":null,"b":[1,"x"]}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const object = value as Readonly<Record<string, unknown>>;
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson failed: ${typeof value} ${String(value)} has no JSON form; only null, booleans, finite numbers, strings, arrays and plain objects do`);
}
