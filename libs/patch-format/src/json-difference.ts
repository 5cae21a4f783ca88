import { canonicalJson } from './canonical-json';

/**
 * The path of the first place where two JSON values differ (`''` for the
 * roots themselves), or undefined when they are equal whatever their key
 * order.
 *
 * @example
 * jsonDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } }); // 'a.b[1]'
 */
export function jsonDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (a === undefined || b === undefined) return a === b ? undefined : path;
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  const bothObjects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return path;
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort((x, y) => (Array.isArray(a) ? Number(x) - Number(y) : x < y ? -1 : 1));
  for (const key of keys) {
    const at = Array.isArray(a) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    const inner = jsonDifference(left[key], right[key], at);
    if (inner !== undefined) return inner;
  }
  return path;
}
