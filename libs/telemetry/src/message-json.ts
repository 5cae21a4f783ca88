import type { TelemetryMessage } from './telemetry-messages';

const encoded = new WeakMap<TelemetryMessage, string>();

/**
 * A message's JSON, encoded once however many consumers (the live stream,
 * the recording) ask: a per-tick window is tens of kB.
 *
 * @example
 * response.write(`data: ${messageJson(message)}\n\n`);
 */
export function messageJson(message: TelemetryMessage): string {
  let json = encoded.get(message);
  if (json === undefined) {
    json = JSON.stringify(message);
    encoded.set(message, json);
  }
  return json;
}
