import type { TickRecord } from './tick-record';
import type { Downtime } from './update-log-entry';

/**
 * Reads what one swap cost from the loop's own records: the boundary's
 * duration and the periods its tick skipped (that tick's record), and the
 * lateness of the tick after it (the next record).
 *
 * @example
 * const meter = new DowntimeMeter(commitTick);
 * loop.ticks$.subscribe((record) => { const downtime = meter.noteTick(record); if (downtime) log(downtime); });
 */
export class DowntimeMeter {
  private boundaryMs = Number.NaN;
  private missedTicks = 0;

  constructor(
    /** The tick whose boundary swapped. */
    readonly tick: number,
  ) {}

  /**
   * Notes a finished tick; returns the downtime once the tick after the swap
   * has run (allocates only then).
   */
  noteTick(record: TickRecord): Downtime | undefined {
    if (record.index === this.tick) {
      this.boundaryMs = record.commit;
      this.missedTicks = record.missed;
    }
    return record.index === this.tick + 1 ? this.figures(record.actualStart - record.scheduledStart) : undefined;
  }

  /** The figures known so far (the loop stopped before the next tick: its lateness is NaN). */
  figures(latenessMs = Number.NaN): Downtime {
    return { boundaryMs: this.boundaryMs, latenessMs, missedTicks: this.missedTicks };
  }
}
