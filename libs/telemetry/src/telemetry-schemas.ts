/**
 * JSON Schemas (draft-07) of the telemetry messages: MCAP channels carry
 * them (Foxglove reads field names and types from them) and tests validate
 * every message against them. Objects are closed (`additionalProperties:
 * false`), so a renamed field fails validation instead of passing unseen.
 */

/** The subset of JSON Schema these schemas use. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number)[];
  readonly const?: string;
  readonly minimum?: number;
}

/**
 * The schema of a whole message: draft-07, with the name Foxglove shows
 * (`title`) and what it is.
 *
 * @example
 * messageSchema('tickswap.Point', 'A point', objectSchema({ x: { type: 'number' } }));
 */
export function messageSchema(title: string, description: string, body: JsonSchema): JsonSchema {
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, description, ...body };
}

/**
 * A closed object schema whose properties are all required but `optional` ones.
 *
 * @example
 * objectSchema({ x: { type: 'number' } }); // { type: 'object', required: ['x'], ... }
 */
export function objectSchema(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return { type: 'object', properties, required, additionalProperties: false };
}

const count: JsonSchema = { type: 'integer', minimum: 0 };
const number: JsonSchema = { type: 'number' };
const microseconds: JsonSchema = { type: 'number', description: 'µs' };
const maybeMicroseconds: JsonSchema = { type: ['number', 'null'], description: 'µs; null when the phase did not run' };
const timing: JsonSchema = { ...objectSchema({ p50: microseconds, p99: microseconds, max: microseconds }), type: ['object', 'null'] };
const column = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

const updateProperties: Record<string, JsonSchema> = {
  type: { const: 'update' },
  kind: { enum: ['commit', 'rollback', 'version-change'] },
  tick: count,
  atMs: { type: ['number', 'null'], description: 'start of the swapping tick, ms on the loop clock' },
  from: { type: 'string' },
  to: { type: 'string' },
  pauseMs: { type: 'number', minimum: 0, description: 'duration of the swapping boundary, ms' },
  nextLatenessUs: maybeMicroseconds,
  missedTicks: count,
  id: { type: 'string' },
  reason: { type: 'string' },
  notes: { type: 'array', items: { type: 'string' }, description: 'what the update changed and how it was judged, a line each (bounded by TickTelemetry#markUpdate)' },
};
const update = objectSchema(updateProperties, ['id', 'reason', 'notes']);

/** Schema of {@link TickStatisticsMessage}. */
export const TICK_STATISTICS_SCHEMA = messageSchema(
  'tickswap.TickStatistics',
  'How the ticks of one interval (a second by default) went',
  objectSchema({
    type: { const: 'tick-statistics' },
    atMs: number,
    firstTick: count,
    ticks: count,
    sampledTicks: count,
    rateHz: number,
    nominalRateHz: number,
    latenessUs: timing,
    computeUs: timing,
    missedTicks: count,
    faultedTicks: count,
    version: number,
    totals: objectSchema({ ticks: count, missedTicks: count, faultedTicks: count }),
  }),
);

/** Schema of {@link UpdateMessage}. */
export const UPDATE_SCHEMA = messageSchema('tickswap.Update', 'A commit, rollback or unmarked version change and what it cost the loop', update);

/** Schema of {@link TickWindowMessage}. */
export const TICK_WINDOW_SCHEMA = messageSchema(
  'tickswap.TickWindow',
  'Per-tick records around an update; index i of every column is tick firstTick + i',
  objectSchema({
    type: { const: 'tick-window' },
    update,
    firstTick: count,
    complete: { type: 'boolean' },
    latenessUs: column(microseconds),
    computeUs: column(microseconds),
    readUs: column(maybeMicroseconds),
    updateUs: column(maybeMicroseconds),
    writeUs: column(maybeMicroseconds),
    commitUs: column(maybeMicroseconds),
    missed: column(count),
    faulted: column({ type: 'boolean' }),
    version: column(number),
  }),
);

/**
 * The schema of each telemetry message type.
 *
 * @example
 * TELEMETRY_SCHEMAS[message.type].title; // 'tickswap.TickStatistics', ...
 */
export const TELEMETRY_SCHEMAS: Readonly<Record<'tick-statistics' | 'update' | 'tick-window', JsonSchema>> = {
  'tick-statistics': TICK_STATISTICS_SCHEMA,
  update: UPDATE_SCHEMA,
  'tick-window': TICK_WINDOW_SCHEMA,
};
