import { createTickHistograms, type TickHistograms } from './tick-histograms';
import type { TickRecord } from './tick-record';
import { TickRecords } from './tick-records';

/**
 * Where a loop keeps account of its ticks: the record ring, the histograms
 * and the running counters, all preallocated.
 *
 * @example
 * const ledger = new TickLedger(4096);
 * ledger.close(record, endOfBoundary);
 */
export class TickLedger {
  readonly records: TickRecords;
  readonly histograms: TickHistograms = createTickHistograms();
  missedPeriods = 0;
  overrunTicks = 0;
  faultedTicks = 0;

  constructor(capacity: number) {
    this.records = new TickRecords(capacity);
  }

  /**
   * Counts and stores a finished tick (`end`: when its boundary ended).
   * Runs every tick: must not allocate, must not block.
   */
  close(record: TickRecord, end: number): void {
    if (record.missed > 0) {
      this.missedPeriods += record.missed;
      this.overrunTicks += 1;
    }
    if (record.faulted) this.faultedTicks += 1;
    const h = this.histograms;
    h.lateness.record(record.actualStart - record.scheduledStart);
    h.read.record(record.read);
    h.update.record(record.update);
    h.write.record(record.write);
    h.commit.record(record.commit);
    h.total.record(end - record.actualStart);
    this.records.append(record);
  }
}
