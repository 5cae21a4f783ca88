import type { JsonSchema } from './telemetry-schemas';

/** One way a value breaks a schema: where (`latenessUs.p99`, `readUs[3]`; `''` for the value itself) and how. */
export interface SchemaProblem {
  readonly path: string;
  readonly problem: string;
}

const KNOWN = new Set(['$schema', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minimum']);

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};
const matchesType = (actual: string, wanted: string): boolean => actual === wanted || (wanted === 'number' && actual === 'integer');
const member = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

/**
 * The ways `value` breaks `schema` (empty when it conforms), for the subset
 * of JSON Schema the telemetry schemas use ({@link JsonSchema}): the one
 * check of telemetry messages, wherever they are read (tests, the MQTT
 * ticks topic). A keyword outside that subset throws rather than being
 * ignored, so a schema cannot grow a rule nobody checks.
 *
 * @example
 * schemaErrors(TELEMETRY_SCHEMAS.update, { type: 'update' }); // [{ path: 'kind', problem: 'is missing' }, ...]
 */
export function schemaErrors(schema: JsonSchema, value: unknown, path = ''): SchemaProblem[] {
  for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`schemaErrors failed: unsupported keyword '${keyword}' at '${path}'; extend schemaErrors before using it in a schema`);
  const errors: SchemaProblem[] = [];
  const problem = (text: string): number => errors.push({ path, problem: text });
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const wanted = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!wanted.some((type) => matchesType(actual, type))) return [{ path, problem: `must be ${wanted.join(' or ')}, got ${actual}` }];
  }
  if (schema.const !== undefined && value !== schema.const) problem(`must be ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) problem(`must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) problem(`must be >= ${schema.minimum}, got ${value}`);
  if (actual === 'array' && schema.items !== undefined) {
    (value as unknown[]).forEach((item, index) => errors.push(...schemaErrors(schema.items as JsonSchema, item, `${path}[${index}]`)));
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!Object.hasOwn(object, name)) errors.push({ path: member(path, name), problem: 'is missing' });
    for (const [name, field] of Object.entries(object)) {
      const property = schema.properties !== undefined && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      if (property !== undefined) errors.push(...schemaErrors(property, field, member(path, name)));
      else if (schema.additionalProperties === false) errors.push({ path: member(path, name), problem: 'is not in the schema' });
    }
  }
  return errors;
}
