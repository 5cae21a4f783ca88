/**
 * A tiny schema helper: a `Check<T>` reads an untrusted JSON value and
 * returns it typed, or throws {@link FieldProblem} naming the field. Checks
 * copy only the fields they know, so extra fields from a newer sender are
 * dropped rather than trusted.
 */
export type Check<T> = (value: unknown, field: string) => T;

/** What a check found wrong; `decodeMessage` turns it into a `MessageSchemaError`. */
export class FieldProblem extends Error {
  override readonly name = 'FieldProblem';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`field '${field}' ${problem}`);
  }
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? `string ${JSON.stringify(value.slice(0, 40))}` : typeof value;

const fail = (field: string, expected: string, value: unknown): never => {
  throw new FieldProblem(field, `must be ${expected}, got ${kindOf(value)}`);
};

const at = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);

/** A string of 1 to `maxLength` characters. */
export const text =
  (maxLength: number): Check<string> =>
  (value, field) =>
    typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : fail(field, `a string of 1 to ${maxLength} characters`, value);

/** A finite number. */
export const figure: Check<number> = (value, field) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(field, 'a finite number', value);

/** A non-negative integer. */
export const count: Check<number> = (value, field) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : fail(field, 'a non-negative integer', value);

/** A boolean. */
export const flag: Check<boolean> = (value, field) => (typeof value === 'boolean' ? value : fail(field, 'true or false', value));

/** One of the given literals. */
export const oneOf =
  <const T extends readonly (string | number)[]>(values: T): Check<T[number]> =>
  (value, field) =>
    values.includes(value as T[number]) ? (value as T[number]) : fail(field, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, value);

/** `null` or what `check` accepts. */
export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, field) =>
    value === null ? null : check(value, field);

type Checked<S> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with exactly these fields checked (others are dropped). */
export const shape =
  <S extends Record<string, Check<unknown>>>(fields: S): Check<Checked<S>> =>
  (value, field) => {
    if (!isRecord(value)) return fail(field, 'an object', value);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(fields)) out[key] = check(value[key], at(field, key));
    return out as Checked<S>;
  };

/** An array of at most `maxItems` items, each checked. */
export const listOf =
  <T>(item: Check<T>, maxItems: number): Check<T[]> =>
  (value, field) => {
    if (!Array.isArray(value) || value.length > maxItems) return fail(field, `an array of at most ${maxItems} items`, value);
    return value.map((entry, index) => item(entry, `${field}[${index}]`));
  };

/** An object used as a map of at most `maxEntries` named values, each checked. */
export const mapOf =
  <T>(item: Check<T>, maxEntries: number): Check<Record<string, T>> =>
  (value, field) => {
    if (!isRecord(value) || Object.keys(value).length > maxEntries) return fail(field, `an object of at most ${maxEntries} entries`, value);
    const out: Record<string, T> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = item(entry, at(field, key));
    return out;
  };

/** A discriminated union: the `tag` field picks the check of the variant. */
export const variants =
  <M extends Record<string, Check<object>>>(tag: string, map: M): Check<ReturnType<M[keyof M]>> =>
  (value, field) => {
    if (!isRecord(value)) return fail(field, 'an object', value);
    const kind = value[tag];
    const check = typeof kind === 'string' && Object.hasOwn(map, kind) ? map[kind] : undefined;
    if (check === undefined) return fail(at(field, tag), `one of ${Object.keys(map).map((k) => JSON.stringify(k)).join(', ')}`, kind);
    return { ...check(value, field), [tag]: kind } as ReturnType<M[keyof M]>;
  };

/** Both checks on the same object, their fields merged. */
export const both =
  <A extends object, B extends object>(a: Check<A>, b: Check<B>): Check<A & B> =>
  (value, field) => ({ ...a(value, field), ...b(value, field) });
