/**
 * The messages telemetry publishes, in JSON. Times are µs for tick figures
 * (ticks last microseconds), ms for clock readings (the loop's clock) and
 * for an update's pause. Their JSON schemas are in `telemetry-schemas.ts`.
 */

/** Median, 99th percentile and maximum of one measure over the ticks of an interval, µs. */
export interface TimingFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Once per interval (a second by default): how the ticks of that interval went. */
export interface TickStatisticsMessage {
  readonly type: 'tick-statistics';
  /** End of the interval, ms on the loop's clock (the last tick's start). */
  readonly atMs: number;
  /** First tick of the interval. */
  readonly firstTick: number;
  /** Ticks run in the interval. */
  readonly ticks: number;
  /** Ticks whose records the figures come from (fewer than `ticks` only when the ring overflowed between two reads). */
  readonly sampledTicks: number;
  /** Ticks per second over the interval, from the ticks' start times. */
  readonly rateHz: number;
  /** The loop's nominal rate. */
  readonly nominalRateHz: number;
  /** Tick-start lateness: actual start minus scheduled start (`null` when no tick ran). */
  readonly latenessUs: TimingFigures | null;
  /** Compute time of a tick: read + update + write + boundary (`null` when no tick ran). */
  readonly computeUs: TimingFigures | null;
  /** Grid periods skipped in the interval (ticks that did not happen because one overran). */
  readonly missedTicks: number;
  /** Ticks of the interval in which a phase threw. */
  readonly faultedTicks: number;
  /** The version running at the end of the interval. */
  readonly version: number;
  /** Counters since the loop started. */
  readonly totals: { readonly ticks: number; readonly missedTicks: number; readonly faultedTicks: number };
}

/**
 * How an update was seen: `commit` and `rollback` are told by the hot-swap
 * code ({@link UpdateMark}); `version-change` is a change of version between
 * two consecutive tick records that nobody marked.
 */
export type UpdateKind = 'commit' | 'rollback' | 'version-change';

/** Lines of notes an update may carry, and characters per line: bounded, like every message. */
export const MAX_NOTES = 40;
export const MAX_NOTE_LENGTH = 500;

/** What the hot-swap code tells telemetry about a commit or a rollback it made. */
export interface UpdateMark {
  /** The tick at whose boundary the swap happened (the new version runs from the next tick). */
  readonly tick: number;
  readonly kind: 'commit' | 'rollback';
  /** Version before and after the swap. */
  readonly from: string | number;
  readonly to: string | number;
  /** How long the boundary that swapped took, ms. */
  readonly pauseMs: number;
  /** The update's name (e.g. the patch id). */
  readonly id?: string;
  /** Why (for a rollback). */
  readonly reason?: string;
  /** What the update changed and how it was judged, a line each (the declared changes, the gate's verdict), for people. */
  readonly notes?: readonly string[];
}

/** A commit, rollback or unmarked version change, with what it cost the loop. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly kind: UpdateKind;
  /** The tick at whose boundary it happened. */
  readonly tick: number;
  /** When that tick started, ms on the loop's clock (`null` if its record had left the ring). */
  readonly atMs: number | null;
  readonly from: string;
  readonly to: string;
  /** How long the swapping boundary took, ms (from the mark, else from the tick's record). */
  readonly pauseMs: number;
  /** Lateness of the next tick's start, µs (`null` when not recorded yet). */
  readonly nextLatenessUs: number | null;
  /** Grid periods skipped because the swapping tick overran. */
  readonly missedTicks: number;
  readonly id?: string;
  readonly reason?: string;
  readonly notes?: readonly string[];
}

/**
 * The per-tick records around an update (by default 200 ticks before, 800
 * after), column by column: index `i` of every array is tick `firstTick + i`.
 * Phase durations of a phase that did not run (a faulted tick) are `null`.
 */
export interface TickWindowMessage {
  readonly type: 'tick-window';
  /** The update it surrounds. */
  readonly update: UpdateMessage;
  readonly firstTick: number;
  /** Whether it holds every tick asked for (not when the loop stopped first or the ring had lost some). */
  readonly complete: boolean;
  readonly latenessUs: readonly number[];
  readonly computeUs: readonly number[];
  readonly readUs: readonly (number | null)[];
  readonly updateUs: readonly (number | null)[];
  readonly writeUs: readonly (number | null)[];
  readonly commitUs: readonly (number | null)[];
  readonly missed: readonly number[];
  readonly faulted: readonly boolean[];
  readonly version: readonly number[];
}

/** Every message telemetry publishes. */
export type TelemetryMessage = TickStatisticsMessage | UpdateMessage | TickWindowMessage;

/**
 * The topic of each message type, relative: a publisher (MQTT, MCAP) puts its
 * own prefix in front (e.g. `tickswap/v1/<robot>/`).
 *
 * @example
 * sink.publish(TELEMETRY_TOPICS['tick-statistics'], message); // 'ticks/statistics'
 */
export const TELEMETRY_TOPICS = {
  'tick-statistics': 'ticks/statistics',
  update: 'ticks/update',
  'tick-window': 'ticks/window',
} as const satisfies Record<TelemetryMessage['type'], string>;

/** One of the {@link TELEMETRY_TOPICS}. */
export type TelemetryTopic = (typeof TELEMETRY_TOPICS)[keyof typeof TELEMETRY_TOPICS];
