import { envelopeCheck, timestampCheck, type Envelope } from './envelope';
import { decodeMessage } from './message-codec';
import { both, figure, nullable, oneOf, shape, text, variants, type Check } from './schema';

/** What the controller reports of itself for the status (the agent adds the rest). */
export interface RobotFigures {
  /** The version running. */
  readonly version: string;
  /** Measured loop rate, ticks per second; `null` before the loop runs. */
  readonly loopHz: number | null;
  /** Seconds since the controller started. */
  readonly uptimeS: number;
}

/** The last patch that changed the running version. */
export interface LastUpdate {
  readonly patchId: string;
  readonly outcome: 'committed' | 'rolled-back';
  /** The version running after it. */
  readonly version: string;
  readonly at: string;
}

/** A robot whose agent is connected. */
export interface OnlineStatus extends RobotFigures {
  readonly state: 'online';
  readonly lastUpdate: LastUpdate | null;
}

/**
 * A robot whose agent is gone: `stopped` when it said so, `connection-lost`
 * when the broker published its last will (whose envelope `at` is when the
 * agent started: a will is composed before it is needed).
 */
export interface OfflineStatus {
  readonly state: 'offline';
  readonly cause: 'stopped' | 'connection-lost';
}

/** The retained message on `tickswap/v1/<robot>/status`. */
export type StatusMessage = Envelope & (OnlineStatus | OfflineStatus);

const version = text(128);

const statusCheck: Check<StatusMessage> = both(
  envelopeCheck,
  variants('state', {
    online: shape({
      state: oneOf(['online'] as const),
      version,
      loopHz: nullable(figure),
      uptimeS: figure,
      lastUpdate: nullable(
        shape({ patchId: text(128), outcome: oneOf(['committed', 'rolled-back'] as const), version, at: timestampCheck }),
      ),
    }),
    offline: shape({ state: oneOf(['offline'] as const), cause: oneOf(['stopped', 'connection-lost'] as const) }),
  }),
);

/**
 * Reads a status payload. Throws `MessageSchemaError` naming the field.
 *
 * @example
 * const status = decodeStatusMessage(payload);
 * if (status.state === 'online') console.log(status.version);
 */
export function decodeStatusMessage(payload: Uint8Array | string): StatusMessage {
  return decodeMessage(payload, statusCheck, 'decodeStatusMessage');
}
