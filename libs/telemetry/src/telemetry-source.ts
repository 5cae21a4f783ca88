import type { Observable } from 'rxjs';
import type { TelemetryMessage } from './telemetry-messages';

/**
 * What the telemetry server serves: the live messages, the history a new
 * client sees first, and the Prometheus text. A `TickTelemetry` is one.
 *
 * @example
 * await startTelemetryServer({ source: telemetry, port: 8080 });
 */
export interface TelemetrySource {
  readonly messages$: Observable<TelemetryMessage>;
  /** Recent messages, oldest first, for a client that connects now. */
  history(): TelemetryMessage[];
  /** The Prometheus text exposition (format 0.0.4). */
  metrics(): string;
}
