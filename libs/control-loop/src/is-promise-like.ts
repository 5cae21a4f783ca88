/**
 * Whether a phase returned something to wait for (a promise or any thenable).
 *
 * @example
 * isPromiseLike(Promise.resolve()); // true
 * isPromiseLike(undefined);         // false
 */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value != null && typeof (value as { then?: unknown }).then === 'function';
}
