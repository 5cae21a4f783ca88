import { envelopeCheck, type Envelope } from './envelope';
import { decodeMessage } from './message-codec';
import { both, count, figure, flag, listOf, nullable, oneOf, shape, text, variants, type Check } from './schema';

/** Mean, 99th percentile and maximum of a duration over a second, ms; `null` when no tick ran. */
export interface Summary {
  readonly mean: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** Tick statistics of the last second. */
export interface TickStats {
  readonly kind: 'stats';
  /** The version that ran them. */
  readonly version: string;
  readonly ticks: number;
  /** Grid periods missed. */
  readonly missed: number;
  /** Ticks in which a phase threw. */
  readonly faulted: number;
  /** Actual start minus scheduled start. */
  readonly latenessMs: Summary;
  /** Read + update + write + boundary. */
  readonly busyMs: Summary;
}

/** One tick of a window around a commit (durations `null` for a phase that did not run). */
export interface TickSample {
  readonly index: number;
  readonly scheduledStart: number;
  readonly actualStart: number;
  readonly read: number | null;
  readonly update: number | null;
  readonly write: number | null;
  readonly commit: number | null;
  readonly missed: number;
  readonly faulted: boolean;
  readonly swap: 'none' | 'commit' | 'rollback';
}

/** The per-tick records around a commit or rollback. */
export interface TickWindow {
  readonly kind: 'window';
  /** The patch that swapped, `null` if not known. */
  readonly patchId: string | null;
  readonly records: readonly TickSample[];
}

/** At most this many records in a window message. */
export const MAX_WINDOW_RECORDS = 5000;

/** The part of a ticks message the controller writes (the agent adds the envelope). */
export type TicksBody = TickStats | TickWindow;

/** A message on `tickswap/v1/<robot>/ticks` (QoS 0, not retained). */
export type TicksMessage = Envelope & TicksBody;

const summary: Check<Summary> = shape({ mean: nullable(figure), p99: nullable(figure), max: nullable(figure) });
const phase = nullable(figure);

const sample: Check<TickSample> = shape({
  index: count,
  scheduledStart: figure,
  actualStart: figure,
  read: phase,
  update: phase,
  write: phase,
  commit: phase,
  missed: count,
  faulted: flag,
  swap: oneOf(['none', 'commit', 'rollback'] as const),
});

const ticksCheck: Check<TicksMessage> = both(
  envelopeCheck,
  variants('kind', {
    stats: shape({
      kind: oneOf(['stats'] as const),
      version: text(128),
      ticks: count,
      missed: count,
      faulted: count,
      latenessMs: summary,
      busyMs: summary,
    }),
    window: shape({ kind: oneOf(['window'] as const), patchId: nullable(text(128)), records: listOf(sample, MAX_WINDOW_RECORDS) }),
  }),
);

/**
 * Reads a ticks payload. Throws `MessageSchemaError` naming the field.
 *
 * @example
 * const ticks = decodeTicksMessage(payload);
 * if (ticks.kind === 'stats') plot(ticks.latenessMs.p99);
 */
export function decodeTicksMessage(payload: Uint8Array | string): TicksMessage {
  return decodeMessage(payload, ticksCheck, 'decodeTicksMessage');
}
