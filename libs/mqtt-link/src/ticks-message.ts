import { schemaErrors, TELEMETRY_SCHEMAS, type TelemetryMessage } from '@tickswap/telemetry';
import { envelopeCheck, type Envelope } from './envelope';
import { decodeMessage } from './message-codec';
import { FieldProblem, type Check } from './schema';

/**
 * The part of a ticks message the controller writes (the agent adds the
 * envelope): a telemetry message of `@tickswap/telemetry`, as published
 * (`tick-statistics` once a second, `update` after each commit or rollback,
 * `tick-window` with the per-tick records around it). Its schema is
 * telemetry's `TELEMETRY_SCHEMAS`: one definition for MQTT, the recording
 * and the dashboard.
 */
export type TicksBody = TelemetryMessage;

/** A message on `tickswap/v1/<robot>/ticks` (QoS 0, not retained). */
export type TicksMessage = Envelope & TicksBody;

const TYPES = Object.keys(TELEMETRY_SCHEMAS) as TelemetryMessage['type'][];

const ticksCheck: Check<TicksMessage> = (value, field) => {
  const envelope = envelopeCheck(value, field);
  const { v: _v, robot: _robot, at: _at, ...body } = value as Record<string, unknown>;
  const type = TYPES.find((known) => known === body['type']);
  if (type === undefined) throw new FieldProblem('type', `must be one of ${TYPES.map((t) => JSON.stringify(t)).join(', ')}, got ${JSON.stringify(body['type'])}`);
  const [first] = schemaErrors(TELEMETRY_SCHEMAS[type], body);
  if (first !== undefined) throw new FieldProblem(first.path, first.problem);
  return { ...envelope, ...(body as unknown as TelemetryMessage) };
};

/**
 * Reads a ticks payload: the envelope, then the body against its telemetry
 * schema. Throws `MessageSchemaError` naming the field.
 *
 * @example
 * const ticks = decodeTicksMessage(payload);
 * if (ticks.type === 'tick-statistics') plot(ticks.latenessUs?.p99);
 */
export function decodeTicksMessage(payload: Uint8Array | string): TicksMessage {
  return decodeMessage(payload, ticksCheck, 'decodeTicksMessage');
}
