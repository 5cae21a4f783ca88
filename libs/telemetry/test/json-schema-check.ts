import type { JsonSchema } from '../src/telemetry-schemas';

const KNOWN = new Set(['$schema', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minimum']);

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};
const matchesType = (actual: string, wanted: string): boolean => actual === wanted || (wanted === 'number' && actual === 'integer');

/**
 * The ways `value` breaks `schema` (empty when it conforms), for the subset
 * of JSON Schema the telemetry schemas use; a keyword outside that subset
 * fails loudly rather than being ignored.
 */
export function schemaErrors(schema: JsonSchema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`schemaErrors: unsupported keyword ${keyword} at ${path}`);
  const errors: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const wanted = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!wanted.some((type) => matchesType(actual, type))) return [`${path}: ${actual}, wanted ${wanted.join(' or ')}`];
  }
  if (schema.const !== undefined && value !== schema.const) errors.push(`${path}: ${String(value)}, wanted ${schema.const}`);
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) errors.push(`${path}: ${String(value)} not in ${schema.enum.join(', ')}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
  if (actual === 'array' && schema.items !== undefined) {
    (value as unknown[]).forEach((item, index) => errors.push(...schemaErrors(schema.items as JsonSchema, item, `${path}[${index}]`)));
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) errors.push(`${path}.${name}: missing`);
    for (const [name, field] of Object.entries(object)) {
      const property = schema.properties?.[name];
      if (property !== undefined) errors.push(...schemaErrors(property, field, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${name}: not in the schema`);
    }
  }
  return errors;
}
