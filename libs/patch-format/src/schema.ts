// A small strict schema checker for JSON values: the bundle format is fixed
// and small, and the robot must refuse anything unexpected, extra keys
// included. Checks never descend deeper than the schema itself, so a deeply
// nested hostile value costs one step.

/**
 * Where a value is not what the schema says (`field`, a dotted path from the
 * root; empty for the root) and what was wrong (`problem`).
 *
 * @example
 * new ShapeProblem('classes.Pid.code', 'must be a class, got number 3');
 */
export class ShapeProblem extends Error {
  override readonly name = 'ShapeProblem';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(field === '' ? problem : `${field}: ${problem}`);
  }
}

/** Returns the value, typed, or throws a {@link ShapeProblem} naming `path`. */
export type Schema<T> = (value: unknown, path: string) => T;

/** A schema for a key that may be absent. */
export type OptionalSchema<T> = Schema<T> & { readonly optional: true };

/** One schema per key of `T`; optional keys take an {@link OptionalSchema}. */
export type FieldSchemas<T> = {
  readonly [K in keyof T]-?: undefined extends T[K] ? OptionalSchema<Exclude<T[K], undefined>> : Schema<T[K]>;
};

/** A JavaScript identifier other than `__proto__`: class and field names. */
export const IDENTIFIER = /^(?!__proto__$)[A-Za-z_$][\w$]*$/;

/**
 * What a value is, in words, for messages.
 *
 * @example
 * kindOf('swap'); // 'the string "swap"'
 */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'object' || typeof value === 'function') return `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * A string, matching `pattern` if given (`expected` says it in words).
 *
 * @example
 * text(/^[0-9a-f]{16}$/, '16 lower-case hex digits')('3f2a0c1d2e3f4a5b', 'signature.keyId');
 */
export function text(pattern?: RegExp, expected = 'a string'): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string' || (pattern !== undefined && !pattern.test(value))) {
      throw new ShapeProblem(path, `must be ${expected}, got ${kindOf(value)}`);
    }
    return value;
  };
}

/**
 * One of the given values.
 *
 * @example
 * oneOf(['add', 'replace', 'remove'] as const)('replace', 'kind');
 */
export function oneOf<const T extends readonly (string | boolean | null)[]>(values: T): Schema<T[number]> {
  return (value, path) => {
    if (!values.includes(value as T[number])) {
      throw new ShapeProblem(path, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${kindOf(value)}`);
    }
    return value as T[number];
  };
}

/**
 * An array of items of one schema.
 *
 * @example
 * list(text())(['kp', 'ki'], 'fields');
 */
export function list<T>(item: Schema<T>): Schema<readonly T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ShapeProblem(path, `must be an array, got ${kindOf(value)}`);
    value.forEach((entry, index) => item(entry, `${path}[${index}]`));
    return value as T[];
  };
}

function plainObject(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeProblem(path, `must be an object, got ${kindOf(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * An object whose keys all match `key` (identifiers by default), each value of one schema.
 *
 * @example
 * dictionary(text(IDENTIFIER, 'a field name'))({ ki: 'gain' }, 'rename');
 */
export function dictionary<T>(value: Schema<T>, key = IDENTIFIER): Schema<Readonly<Record<string, T>>> {
  return (input, path) => {
    const object = plainObject(input, path);
    for (const [name, entry] of Object.entries(object)) {
      if (!key.test(name)) throw new ShapeProblem(`${path}.${name}`, `is not an allowed name (${key})`);
      value(entry, `${path}.${name}`);
    }
    return object as Record<string, T>;
  };
}

/**
 * Marks the schema of a key that may be absent.
 *
 * @example
 * record<{ a?: string }>({ a: optional(text()) });
 */
export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return Object.assign((value: unknown, path: string) => schema(value, path), { optional: true as const });
}

/**
 * An object with exactly the given keys: a missing required key or any
 * other key is refused.
 *
 * @example
 * record<{ keyId: string; value: string }>({ keyId: text(), value: text() })(signature, 'signature');
 */
export function record<T>(fields: FieldSchemas<T>): Schema<T> {
  const schemas = fields as Readonly<Record<string, Schema<unknown> & { optional?: true }>>;
  return (input, path) => {
    const object = plainObject(input, path);
    const prefix = path === '' ? '' : `${path}.`;
    const extra = Object.keys(object).find((name) => !Object.hasOwn(schemas, name));
    if (extra !== undefined) {
      throw new ShapeProblem(`${prefix}${extra}`, `is not a field of this format (known: ${Object.keys(schemas).join(', ')})`);
    }
    for (const [name, schema] of Object.entries(schemas)) {
      if (Object.hasOwn(object, name)) schema(object[name], `${prefix}${name}`);
      else if (schema.optional !== true) throw new ShapeProblem(`${prefix}${name}`, 'is missing');
    }
    return object as T;
  };
}
