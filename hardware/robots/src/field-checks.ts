import { RobotDescriptionError } from './robot-description-error';

/**
 * Checks one JSON value found at `field` and returns it typed, or throws a
 * {@link RobotDescriptionError} naming the field.
 */
export type Check<T> = (value: unknown, field: string) => T;

const METHOD = 'parseRobotDescription';

/** The value as the message shows it: short, and `nothing` when absent. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Throws the error for a field that does not meet `expectation`.
 *
 * @example
 * invalidField('motors[0].id', 'an integer', 'x'); // throws: motors[0].id must be an integer, got "x"
 */
export function invalidField(field: string, expectation: string, value: unknown): never {
  const subject = field === '' ? 'the description' : field;
  throw new RobotDescriptionError(METHOD, `${subject} must be ${expectation}, got ${shown(value)}`, field);
}

/**
 * A finite number accepted by `accepts`, described by `expectation`.
 *
 * @example
 * const positive = numberWhere('a positive number', (n) => n > 0);
 */
export function numberWhere(expectation: string, accepts: (n: number) => boolean): Check<number> {
  return (value, field) =>
    typeof value === 'number' && Number.isFinite(value) && accepts(value)
      ? value
      : invalidField(field, expectation, value);
}

/**
 * One of a fixed set of strings or numbers.
 *
 * @example
 * const side = oneOf(['left', 'right'] as const);
 */
export function oneOf<const T extends readonly (string | number)[]>(allowed: T): Check<T[number]> {
  const expectation = `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  return (value, field) =>
    allowed.includes(value as T[number]) ? (value as T[number]) : invalidField(field, expectation, value);
}

/**
 * A string with at least one non-blank character.
 *
 * @example
 * nonEmptyString('XM430-W350', 'motors[0].model'); // 'XM430-W350'
 */
export const nonEmptyString: Check<string> = (value, field) =>
  typeof value === 'string' && value.trim() !== '' ? value : invalidField(field, 'a non-empty string', value);

function child(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

/**
 * A field that may be left out: absent (`undefined`) passes, anything else
 * must pass `check`.
 *
 * @example
 * const serial = optional(objectOf({ device: nonEmptyString }));
 */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, field) => (value === undefined ? undefined : check(value, field));
}

/**
 * A plain object with exactly the fields of `shape`: every one required,
 * any other rejected (a misspelt field is an error, never silently ignored).
 *
 * @example
 * const limits = objectOf({ maxVelocity: positive, maxCurrent: positive });
 */
export function objectOf<S extends Record<string, Check<unknown>>>(
  shape: S,
): Check<{ readonly [K in keyof S]: ReturnType<S[K]> }> {
  return (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return invalidField(field, 'an object', value);
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) {
        invalidField(child(field, key), `absent (known fields: ${Object.keys(shape).join(', ')})`, record[key]);
      }
    }
    const result: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const checked = check(record[key], child(field, key));
      // An optional field left out stays out, so a description compares equal to its re-parse.
      if (checked !== undefined) result[key] = checked;
    }
    return result as { readonly [K in keyof S]: ReturnType<S[K]> };
  };
}

/**
 * An array of at least `minLength` items, each checked by `item`.
 *
 * @example
 * const motors = arrayOf(motor, 1);
 */
export function arrayOf<T>(item: Check<T>, minLength: number): Check<readonly T[]> {
  return (value, field) => {
    if (!Array.isArray(value) || value.length < minLength) {
      return invalidField(field, `an array of at least ${minLength} item(s)`, value);
    }
    return value.map((element: unknown, index) => item(element, `${field}[${index}]`));
  };
}
