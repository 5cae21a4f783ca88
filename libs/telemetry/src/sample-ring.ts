import { checkOption } from './check-option';

/** How often a sampler samples and how much it keeps. */
export interface SamplerOptions {
  /** Samples per second at most, on the loop's clock (default 100). */
  readonly rateHz?: number;
  /** Samples kept until drained (default 1024: ten seconds at 100 Hz). */
  readonly capacity?: number;
}

/** Where a sample is taken: a tick's index and start (a `TickContext` or a `TickRecord` is one). */
export interface TickStamp {
  readonly index: number;
  /** ms on the loop's clock. */
  readonly actualStart: number;
}

/**
 * Decimated samples of a few numbers per tick, in a preallocated ring of
 * rows `[tick, timeMs, ...values]`: the loop claims a row when a sample is
 * due (at most `rateHz` a second, on the loop's clock) and writes its values
 * in place; a reader drains the rows off the loop. When the reader falls
 * behind, the oldest rows are overwritten, counted in {@link lost}.
 *
 * @example
 * const ring = new SampleRing(3, { rateHz: 100, capacity: 1024 });
 * const at = ring.claim(tick); // -1 when no sample is due
 * if (at >= 0) { ring.data[at] = pose.x; ring.data[at + 1] = pose.y; ring.data[at + 2] = pose.theta; }
 */
export class SampleRing {
  /** The rows; a claimed row's values start at the offset {@link claim} returned. */
  readonly data: Float64Array;
  readonly capacity: number;
  private readonly stride: number;
  private readonly periodMs: number;
  private nextDueMs = Number.NEGATIVE_INFINITY;
  private written = 0;
  private readCount = 0;
  private lostRows = 0;

  constructor(
    /** Values per sample. */
    readonly width: number,
    options: { readonly rateHz: number; readonly capacity: number },
  ) {
    const { rateHz, capacity } = options;
    checkOption('SampleRing#constructor', 'rateHz', rateHz, 'positive', 'samples per second');
    checkOption('SampleRing#constructor', 'capacity', capacity, 1, 'rows kept until read');
    this.capacity = capacity;
    this.stride = 2 + width;
    this.periodMs = 1000 / rateHz;
    this.data = new Float64Array(capacity * this.stride);
  }

  /** Rows overwritten before they were read. */
  get lost(): number {
    return this.lostRows;
  }

  /**
   * Claims a row for the tick when a sample is due, else returns -1; the
   * caller writes `width` values from the returned offset. Runs every tick:
   * must not allocate, must not block.
   */
  claim(tick: TickStamp): number {
    const time = tick.actualStart;
    if (time < this.nextDueMs) return -1;
    const next = this.nextDueMs + this.periodMs;
    this.nextDueMs = next > time ? next : time + this.periodMs;
    if (this.written - this.readCount >= this.capacity) {
      this.readCount += 1;
      this.lostRows += 1;
    }
    const at = (this.written % this.capacity) * this.stride;
    this.data[at] = tick.index;
    this.data[at + 1] = time;
    this.written += 1;
    return at + 2;
  }

  /** Rows claimed and not drained yet. */
  get waiting(): number {
    return this.written - this.readCount;
  }

  /**
   * Visits up to `most` of the rows claimed since the last drain, oldest
   * first (`at`: offset of the row's values). Off the loop.
   */
  drain(visit: (tick: number, timeMs: number, at: number) => void, most = Number.POSITIVE_INFINITY): void {
    const end = Math.min(this.written, this.readCount + most);
    for (; this.readCount < end; this.readCount++) {
      const at = (this.readCount % this.capacity) * this.stride;
      visit(this.data[at] as number, this.data[at + 1] as number, at + 2);
    }
  }
}
