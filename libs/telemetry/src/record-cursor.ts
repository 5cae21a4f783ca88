import { createTickRecord, type TickRecord, type TickRecords } from '@tickswap/control-loop';

/**
 * Reads each tick record of a loop's ring once, off the loop, oldest first:
 * every read visits the ticks appended since the previous one. Ticks the
 * ring overwrote before they were read are counted in {@link lost}.
 *
 * @example
 * const cursor = new RecordCursor(loop.records);
 * cursor.readNew((record) => lateness.add(record.actualStart - record.scheduledStart));
 */
export class RecordCursor {
  private readonly into = createTickRecord();
  private nextIndex = 0;
  private lostTicks = 0;

  constructor(private readonly records: TickRecords) {}

  /** The next tick to read (ticks before it have been read or lost). */
  get next(): number {
    return this.nextIndex;
  }

  /** Ticks overwritten in the ring before they could be read. */
  get lost(): number {
    return this.lostTicks;
  }

  /**
   * Calls `visit` with the record of every tick appended since the last
   * call (one reused object: read it during the call). Returns how many.
   */
  readNew(visit: (record: TickRecord) => void): number {
    const { records } = this;
    const start = Math.max(this.nextIndex, records.first);
    const end = records.count;
    this.lostTicks += start - this.nextIndex;
    for (let index = start; index < end; index++) visit(records.read(index, this.into));
    this.nextIndex = end;
    return end - start;
  }
}
