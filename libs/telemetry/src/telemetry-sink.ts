import type { TelemetryMessage, TelemetryTopic } from './telemetry-messages';

/**
 * Where telemetry messages go: an MQTT publisher, an MCAP recorder. Telemetry
 * never waits for a sink: it queues each message for it (bounded) and hands
 * them over one at a time; a sink that falls behind loses the newest
 * messages, counted.
 *
 * @example
 * const sink: TelemetrySink = { publish: (topic, message) => client.publishAsync(`tickswap/v1/${robot}/${topic}`, JSON.stringify(message)) };
 * telemetry.addSink(sink);
 */
export interface TelemetrySink {
  /** Delivers one message; telemetry calls it again only once the promise settled. */
  publish(topic: TelemetryTopic, message: TelemetryMessage): Promise<void>;
}
