import { MessageSchemaError } from './errors';
import { FieldProblem, type Check } from './schema';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an MQTT payload as UTF-8 JSON. Throws {@link MessageSchemaError}
 * (field `''`) naming `method` when it is not.
 *
 * @example
 * parseJson(Buffer.from('{"a":1}'), 'PatchAgent#receive'); // { a: 1 }
 */
export function parseJson(payload: Uint8Array | string, method: string): unknown {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : utf8.decode(payload));
  } catch (error) {
    throw new MessageSchemaError(`${method} failed: the payload is not UTF-8 JSON (${(error as Error).message}); send a JSON document`, '');
  }
}

/**
 * Parses and checks a message. Throws {@link MessageSchemaError} naming
 * `method` and the offending field.
 *
 * @example
 * const status = decodeMessage(payload, statusCheck, 'decodeStatusMessage');
 */
export function decodeMessage<T>(payload: Uint8Array | string, check: Check<T>, method: string): T {
  const json = parseJson(payload, method);
  try {
    return check(json, '');
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    const where = error.field === '' ? 'the message' : `field '${error.field}'`;
    throw new MessageSchemaError(`${method} failed: ${where} ${error.problem}; the sender speaks another schema or is broken`, error.field);
  }
}

/**
 * The payload of a message: compact JSON (non-finite numbers become `null`,
 * which the schemas allow only where a figure may be unknown).
 *
 * @example
 * client.publish(topics.result, encodeMessage(result), { qos: 1 });
 */
export function encodeMessage(message: object): Buffer {
  return Buffer.from(JSON.stringify(message));
}
