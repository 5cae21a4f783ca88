import type { BrokerOptions } from './broker-options';
import type { ProtocolVersion } from './client-options';
import type { PatchPipeline } from './patch-pipeline';
import type { ResultMessage } from './result-message';
import type { RobotFigures } from './status-message';

/** What an agent tells its owner, for logs and status lines. */
export type AgentEvent =
  | { readonly kind: 'connected'; readonly protocol: ProtocolVersion; readonly sessionPresent: boolean }
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'error'; readonly error: Error }
  | { readonly kind: 'result'; readonly result: ResultMessage };

/** Settings of a {@link PatchAgent}; only the first four are required. */
export interface PatchAgentOptions<P> {
  /** The robot's id: its topics' level and its broker user name. */
  readonly robot: string;
  readonly broker: BrokerOptions;
  readonly pipeline: PatchPipeline<P>;
  /** The controller's figures for the status message; called between ticks, must be cheap. */
  readonly figures: () => RobotFigures;
  /** Epoch milliseconds for time stamps (default `Date.now`). */
  readonly clock?: () => number;
  /** Larger bundles are refused before they are parsed (default 256 KiB). */
  readonly maxBundleBytes?: number;
  /** Patches waiting behind the one in progress; more are refused with `queue-full` (default 4). */
  readonly maxQueued?: number;
  /** Patch ids remembered to refuse duplicates and replays (default 1000). */
  readonly rememberPatches?: number;
  /** Period of the retained status message, ms (default 10 000). */
  readonly statusIntervalMs?: number;
  /** How long the broker keeps the session, with patches queued for the robot, after a disconnect, s (default 3600). */
  readonly sessionExpiryS?: number;
  /** Pause between reconnection attempts, ms (default 1000). */
  readonly reconnectPeriodMs?: number;
  /** MQTT client id (default `tickswap-robot-<robot>`); it names the broker-side session. */
  readonly clientId?: string;
  readonly onEvent?: (event: AgentEvent) => void;
}

/** The defaults of the optional settings of {@link PatchAgentOptions}. */
export const AGENT_DEFAULTS = {
  maxBundleBytes: 256 * 1024,
  maxQueued: 4,
  rememberPatches: 1000,
  statusIntervalMs: 10_000,
  sessionExpiryS: 3600,
  reconnectPeriodMs: 1000,
} as const;
