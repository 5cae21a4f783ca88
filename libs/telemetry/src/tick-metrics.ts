import type { TickRecord } from '@tickswap/control-loop';
import { PrometheusHistogram } from './prometheus-histogram';
import { metricFamily, sampleLine } from './prometheus-text';
import type { TickStatisticsMessage, UpdateKind, UpdateMessage } from './telemetry-messages';
import { computeMs, latenessMs, toMicros } from './tick-measures';

/** Seconds from ms, through µs rounded to the ns, so a value on a bucket bound is not pushed past it by clock noise. */
const seconds = (ms: number): number => toMicros(ms) / 1e6;

/** Bucket bounds of a tick's lateness and duration, s: 1 µs to 100 ms (a 1 kHz tick is 1 ms). */
export const TICK_BUCKETS_SECONDS: readonly number[] = [
  0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
];
/** Bucket bounds of an update's pause, s: 10 µs to 1 s. */
export const PAUSE_BUCKETS_SECONDS: readonly number[] = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
];
const KINDS: readonly UpdateKind[] = ['commit', 'rollback', 'version-change'];

/** Telemetry's own losses, shown beside the loop's figures. */
export interface TelemetryLosses {
  /** Messages a sink or stream dropped because it was slow. */
  readonly droppedMessages: number;
  /** Ticks the ring overwrote before telemetry read them (missing from the histograms). */
  readonly unreadTicks: number;
}

/**
 * The loop's figures in Prometheus form (`GET /metrics`): tick lateness and
 * duration histograms over every tick read, counters of ticks, missed and
 * faulted ticks and updates, the pause of updates, the running version. Fed
 * off the loop; rendering reads what was fed at the last read of the ring.
 *
 * @example
 * const metrics = new TickMetrics();
 * cursor.readNew((record) => metrics.addTick(record));
 * metrics.render({ droppedMessages: 0, unreadTicks: 0 }); // text/plain; version=0.0.4
 */
export class TickMetrics {
  private readonly lateness = new PrometheusHistogram(TICK_BUCKETS_SECONDS);
  private readonly duration = new PrometheusHistogram(TICK_BUCKETS_SECONDS);
  private readonly pause = new PrometheusHistogram(PAUSE_BUCKETS_SECONDS);
  private readonly updates = new Map<UpdateKind, number>(KINDS.map((kind) => [kind, 0]));
  private totals: TickStatisticsMessage['totals'] = { ticks: 0, missedTicks: 0, faultedTicks: 0 };
  private version = 0;
  private rateHz = 0;

  /** Counts one tick read from the ring. */
  addTick(record: TickRecord): void {
    this.lateness.observe(seconds(latenessMs(record)));
    this.duration.observe(seconds(computeMs(record)));
  }

  /** Counts one update as reported. */
  addUpdate(update: UpdateMessage): void {
    this.updates.set(update.kind, (this.updates.get(update.kind) ?? 0) + 1);
    this.pause.observe(seconds(update.pauseMs));
  }

  /** Takes the counters, version and rate of the last statistics interval. */
  addStatistics(statistics: TickStatisticsMessage): void {
    this.totals = statistics.totals;
    this.version = statistics.version;
    this.rateHz = statistics.rateHz;
  }

  /** The exposition text (format 0.0.4), ending with a newline. */
  render(losses: TelemetryLosses): string {
    const counter = (name: string, help: string, value: number) => metricFamily(name, 'counter', help, [sampleLine(name, {}, value)]);
    const gauge = (name: string, help: string, value: number) => metricFamily(name, 'gauge', help, [sampleLine(name, {}, value)]);
    const families = [
      metricFamily('tickswap_tick_lateness_seconds', 'histogram', 'Tick-start lateness: actual start minus scheduled start.', this.lateness.samples('tickswap_tick_lateness_seconds')),
      metricFamily('tickswap_tick_duration_seconds', 'histogram', 'Compute time of a tick: read, update, write and boundary.', this.duration.samples('tickswap_tick_duration_seconds')),
      counter('tickswap_ticks_total', 'Ticks run.', this.totals.ticks),
      counter('tickswap_missed_ticks_total', 'Grid periods skipped because a tick overran.', this.totals.missedTicks),
      counter('tickswap_faulted_ticks_total', 'Ticks in which a phase threw.', this.totals.faultedTicks),
      metricFamily('tickswap_updates_total', 'counter', 'Updates by kind: commit, rollback, or an unmarked version change.', KINDS.map((kind) => sampleLine('tickswap_updates_total', { kind }, this.updates.get(kind) ?? 0))),
      metricFamily('tickswap_update_pause_seconds', 'histogram', 'Duration of the tick boundary that swapped versions.', this.pause.samples('tickswap_update_pause_seconds')),
      gauge('tickswap_running_version', 'The version the loop runs.', this.version),
      gauge('tickswap_tick_rate_hertz', 'Ticks per second over the last statistics interval.', this.rateHz),
      counter('tickswap_telemetry_dropped_messages_total', 'Telemetry messages dropped because a sink or stream was slow.', losses.droppedMessages),
      counter('tickswap_telemetry_unread_ticks_total', 'Ticks overwritten in the ring before telemetry read them.', losses.unreadTicks),
    ];
    return `${families.join('\n')}\n`;
  }
}
