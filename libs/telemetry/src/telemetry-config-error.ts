/**
 * An option of telemetry, its server or its recorder is out of range, or
 * they do not fit together. Thrown by constructors and `open`/`start`
 * functions, before anything runs.
 *
 * @example
 * new TickTelemetry({ loop, intervalMs: 0 }); // throws TelemetryConfigError
 */
export class TelemetryConfigError extends Error {
  override readonly name = 'TelemetryConfigError';
}
