/**
 * A telemetry object was called with something it cannot use, or at the
 * wrong time: an update marked with a tick that is not a tick index, a
 * recorder written after it was closed.
 *
 * @example
 * telemetry.markUpdate({ tick: -1, kind: 'commit', from: 1, to: 2, pauseMs: 0.1 }); // throws TelemetryUsageError
 */
export class TelemetryUsageError extends Error {
  override readonly name = 'TelemetryUsageError';
}
