import { LoopConfigError } from './loop-config-error';
import { LoopUsageError } from './loop-usage-error';
import { createTickRecord, type SwapEvent, type TickRecord } from './tick-record';

/** The columns of the ring, one per numeric field of {@link TickRecord} (booleans as 0/1). */
type Column = Exclude<keyof TickRecord, 'index'>;
const COLUMNS: readonly Column[] = [
  'slot',
  'scheduledStart',
  'actualStart',
  'read',
  'update',
  'write',
  'commit',
  'missed',
  'faulted',
  'version',
  'swap',
];

/**
 * The records of the last `capacity` ticks, in constant memory: a ring
 * buffer stored structure-of-arrays (one `Float64Array` per field). Tick
 * `index` lives at `index % capacity` while it is among the last `capacity`
 * ticks. Appending and {@link read} allocate nothing; {@link window} and
 * {@link around} copy records out for telemetry.
 *
 * @example
 * const records = new TickRecords(4096);
 * records.around(commitTick, 20, 20); // the ticks around an update
 */
export class TickRecords {
  readonly capacity: number;
  private readonly columns: Readonly<Record<Column, Float64Array>>;
  private appended = 0;

  constructor(capacity = 4096) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new LoopConfigError(`TickRecords#constructor failed: capacity must be an integer >= 1, got ${capacity}`);
    }
    this.capacity = capacity;
    const columns = {} as Record<Column, Float64Array>;
    for (const name of COLUMNS) columns[name] = new Float64Array(capacity);
    this.columns = columns;
  }

  /** Ticks recorded so far; the next record gets this index. */
  get count(): number {
    return this.appended;
  }

  /** Index of the oldest tick still held. */
  get first(): number {
    return this.appended > this.capacity ? this.appended - this.capacity : 0;
  }

  /** Whether the record of tick `index` is still held. */
  has(index: number): boolean {
    return Number.isInteger(index) && index >= this.first && index < this.appended;
  }

  /**
   * Stores the record of the next tick (its `index` must be {@link count}),
   * overwriting the oldest when full. Runs every tick: allocates nothing.
   */
  append(record: TickRecord): void {
    if (record.index !== this.appended) {
      throw new LoopUsageError(`TickRecords#append failed: expected the record of tick ${this.appended}, got tick ${record.index}; records are appended in order`);
    }
    const at = this.appended % this.capacity;
    const c = this.columns;
    c.slot[at] = record.slot;
    c.scheduledStart[at] = record.scheduledStart;
    c.actualStart[at] = record.actualStart;
    c.read[at] = record.read;
    c.update[at] = record.update;
    c.write[at] = record.write;
    c.commit[at] = record.commit;
    c.missed[at] = record.missed;
    c.faulted[at] = record.faulted ? 1 : 0;
    c.version[at] = record.version;
    c.swap[at] = record.swap;
    this.appended += 1;
  }

  /** Copies the record of tick `index` into `into`; throws a LoopUsageError when it is not held (see {@link has}). Allocates nothing. */
  read(index: number, into: TickRecord): TickRecord {
    if (!this.has(index)) {
      throw new LoopUsageError(
        `TickRecords#read failed: tick ${index} is not held; ticks ${this.first}..${this.appended - 1} are (check has() first)`,
      );
    }
    const at = index % this.capacity;
    const c = this.columns;
    into.index = index;
    into.slot = c.slot[at] as number;
    into.scheduledStart = c.scheduledStart[at] as number;
    into.actualStart = c.actualStart[at] as number;
    into.read = c.read[at] as number;
    into.update = c.update[at] as number;
    into.write = c.write[at] as number;
    into.commit = c.commit[at] as number;
    into.missed = c.missed[at] as number;
    into.faulted = c.faulted[at] === 1;
    into.version = c.version[at] as number;
    into.swap = c.swap[at] as SwapEvent;
    return into;
  }

  /** Copies out the records of ticks `from` (inclusive) to `to` (exclusive) that are still held, oldest first. */
  window(from: number, to: number): TickRecord[] {
    const start = Math.max(Math.ceil(from), this.first);
    const end = Math.min(Math.ceil(to), this.appended);
    const out: TickRecord[] = [];
    for (let index = start; index < end; index++) out.push(this.read(index, createTickRecord()));
    return out;
  }

  /** Copies out up to `before` ticks before `index`, tick `index` itself and up to `after` ticks after it (those held). */
  around(index: number, before: number, after: number): TickRecord[] {
    return this.window(index - before, index + after + 1);
  }
}
