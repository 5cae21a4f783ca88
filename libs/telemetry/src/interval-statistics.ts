import type { TickRecord } from '@tickswap/control-loop';
import type { TickStatisticsMessage } from './telemetry-messages';
import type { TickSource } from './tick-source';
import { computeMs, latenessMs } from './tick-measures';
import { TimingSample } from './timing-sample';

/**
 * The figures of one statistics interval, from that interval's tick records
 * alone (not since start): fed record by record off the loop, closed into a
 * {@link TickStatisticsMessage} once per interval. Counters (ticks, missed,
 * faulted) are the loop's own, as deltas, so they stay exact even if the
 * ring overflowed between reads.
 *
 * @example
 * const interval = new IntervalStatistics(loop);
 * cursor.readNew((record) => interval.add(record));
 * sink.publish('ticks/statistics', interval.close(cursor.next));
 */
export class IntervalStatistics {
  private readonly lateness: TimingSample;
  private readonly compute: TimingSample;
  private firstTick = 0;
  private firstStart = Number.NaN;
  private lastStart = Number.NaN;
  private previousLastStart = Number.NaN;
  private missedBefore = 0;
  private faultedBefore = 0;

  constructor(private readonly source: TickSource) {
    this.lateness = new TimingSample(source.records.capacity);
    this.compute = new TimingSample(source.records.capacity);
  }

  /** Counts one tick of the interval. */
  add(record: TickRecord): void {
    this.lateness.add(latenessMs(record));
    this.compute.add(computeMs(record));
    if (this.firstStart !== this.firstStart) this.firstStart = record.actualStart;
    this.lastStart = record.actualStart;
  }

  /** Ends the interval at tick `nextTick` (exclusive) and starts the next one. Allocates the message. */
  close(nextTick: number): TickStatisticsMessage {
    const { source } = this;
    const ticks = nextTick - this.firstTick;
    const message: TickStatisticsMessage = {
      type: 'tick-statistics',
      atMs: this.lastStart === this.lastStart ? this.lastStart : 0,
      firstTick: this.firstTick,
      ticks,
      sampledTicks: this.lateness.count,
      rateHz: this.rate(ticks),
      nominalRateHz: 1000 / source.periodMs,
      latenessUs: this.lateness.figures(),
      computeUs: this.compute.figures(),
      missedTicks: source.missedPeriods - this.missedBefore,
      faultedTicks: source.faultedTicks - this.faultedBefore,
      version: source.version,
      totals: { ticks: nextTick, missedTicks: source.missedPeriods, faultedTicks: source.faultedTicks },
    };
    this.firstTick = nextTick;
    this.missedBefore = source.missedPeriods;
    this.faultedBefore = source.faultedTicks;
    this.previousLastStart = this.lastStart;
    this.firstStart = Number.NaN;
    this.lateness.reset();
    this.compute.reset();
    return message;
  }

  /** Ticks per second from start times: since the previous interval's last tick, or within the first interval. */
  private rate(ticks: number): number {
    const since = this.previousLastStart === this.previousLastStart ? this.previousLastStart : this.firstStart;
    const counted = this.previousLastStart === this.previousLastStart ? ticks : this.lateness.count - 1;
    const spanMs = this.lastStart - since;
    return ticks > 0 && spanMs > 0 ? Math.round((counted * 1e6) / spanMs) / 1e3 : 0;
  }
}
