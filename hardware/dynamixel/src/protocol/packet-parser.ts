import { crc16 } from './crc16';
import { countStuffing, unstuffInPlace } from './byte-stuffing';
import { DynamixelPacketError } from './dynamixel-packet-error';
import { FRAME_PREFIX_LENGTH, Instruction } from './packet';

/**
 * A packet as the parser delivers it: parameters are `bytes[offset, offset + length)`
 * (unstuffed; for a status packet the first is the error byte). The object and
 * `bytes` are the parser's own and are valid only during the callback: copy
 * what you keep ({@link toPacket} does).
 */
export interface PacketView {
  id: number;
  instruction: number;
  bytes: Uint8Array;
  offset: number;
  length: number;
}

/** What the parser delivered and dropped since it was created (live counters). */
export interface ParserStatistics {
  /** Packets delivered. */
  packets: number;
  /** Bytes not delivered in a packet: noise, rejected frames, abandoned or reset data. */
  droppedBytes: number;
  /** Frames whose CRC did not match. */
  crcErrors: number;
  /** Frames whose length field was below the minimum or above `maxLength`. */
  lengthErrors: number;
  /** Frames with a valid CRC but an `FF FF FD` not followed by the stuffing `FD`. */
  stuffingErrors: number;
  /** Incomplete frames given up by {@link PacketParser.resync} or {@link PacketParser.reset}. */
  abandonedFrames: number;
}

/** Limits of a {@link PacketParser}. */
export interface PacketParserOptions {
  /** Largest length field accepted; longer frames are rejected at once instead of awaited. Default 1024. */
  readonly maxLength?: number;
}

const FF = 0xff;
const FD = 0xfd;

/**
 * Streaming Protocol 2.0 parser: feed it chunks as they arrive, it calls
 * `onPacket` for every complete frame with a valid length, CRC and stuffing.
 * After garbage, a truncated frame, a bad CRC or an absurd length it drops one
 * byte and looks for the next header, so a good packet right behind a bad one
 * is never lost. Bytes are accumulated in one buffer allocated up front.
 *
 * @example
 * const parser = new PacketParser((packet) => console.log(packet.id, packet.instruction));
 * parser.feed(Buffer.from('FFFFFD0001030001194E', 'hex')); // logs 1 1
 */
export class PacketParser {
  readonly statistics: ParserStatistics = {
    packets: 0,
    droppedBytes: 0,
    crcErrors: 0,
    lengthErrors: 0,
    stuffingErrors: 0,
    abandonedFrames: 0,
  };
  private readonly maxLength: number;
  private readonly buffer: Uint8Array;
  private readonly view: PacketView;
  private head = 0;
  private tail = 0;

  constructor(
    private readonly onPacket: (packet: PacketView) => void,
    options: PacketParserOptions = {},
  ) {
    this.maxLength = options.maxLength ?? 1024;
    if (!Number.isInteger(this.maxLength) || this.maxLength < 4 || this.maxLength > 0xffff) {
      throw new DynamixelPacketError(`PacketParser failed: maxLength ${this.maxLength} is not 4..65535`);
    }
    // Twice the longest frame, so a frame that straddles chunks always fits after compaction.
    this.buffer = new Uint8Array(Math.max(4096, 2 * (FRAME_PREFIX_LENGTH + this.maxLength)));
    this.view = { id: 0, instruction: 0, bytes: this.buffer, offset: 0, length: 0 };
  }

  /** Bytes held back waiting for the rest of a frame. */
  get buffered(): number {
    return this.tail - this.head;
  }

  /**
   * Accepts the next bytes of the stream and delivers every packet they
   * complete. Runs for every received chunk: must not allocate (except for a
   * chunk larger than the internal buffer, which is copied in pieces).
   *
   * @example
   * parser.feed(chunk);
   */
  feed(chunk: Uint8Array): void {
    if (chunk.length <= this.buffer.length - this.tail + this.head) {
      this.makeRoom(chunk.length);
      this.buffer.set(chunk, this.tail);
      this.tail += chunk.length;
      this.parse();
      return;
    }
    const piece = this.buffer.length >> 1;
    for (let start = 0; start < chunk.length; start += piece) {
      this.feed(chunk.subarray(start, Math.min(chunk.length, start + piece)));
    }
  }

  /**
   * Gives up the incomplete frame at the head of the buffer (its reply will
   * not come: a timeout) and delivers whatever complete packets follow it.
   * Must not allocate.
   *
   * @example
   * parser.resync(); // after a reply deadline passed
   */
  resync(): void {
    if (this.tail - this.head >= 4 && this.isHeaderAt(this.head)) {
      this.statistics.abandonedFrames++;
      this.drop(1);
      this.parse();
    }
  }

  /**
   * Drops everything buffered (stale bytes from before a new request).
   * Must not allocate.
   *
   * @example
   * parser.reset();
   */
  reset(): void {
    if (this.tail - this.head >= 4 && this.isHeaderAt(this.head)) this.statistics.abandonedFrames++;
    this.drop(this.tail - this.head);
    this.head = this.tail = 0;
  }

  private parse(): void {
    const bytes = this.buffer;
    while (this.tail - this.head >= 4) {
      const head = this.head;
      if (!this.isHeaderAt(head)) {
        this.drop(this.findHeader(head + 1) - head);
        continue;
      }
      if (this.tail - head < FRAME_PREFIX_LENGTH) break;
      const length = (bytes[head + 5] as number) | ((bytes[head + 6] as number) << 8);
      if (length < 3 || length > this.maxLength) {
        this.reject('lengthErrors');
        continue;
      }
      const end = head + FRAME_PREFIX_LENGTH + length;
      if (end > this.tail) break;
      if (crc16(bytes, head, end - 2) !== ((bytes[end - 2] as number) | ((bytes[end - 1] as number) << 8))) {
        this.reject('crcErrors');
        continue;
      }
      // A status packet without its error byte cannot be interpreted.
      if (bytes[head + FRAME_PREFIX_LENGTH] === Instruction.status && length < 4) {
        this.reject('lengthErrors');
        continue;
      }
      const stuffing = countStuffing(bytes, head + FRAME_PREFIX_LENGTH, end - 2);
      if (stuffing < 0) {
        this.reject('stuffingErrors');
        continue;
      }
      const bodyEnd = stuffing === 0 ? end - 2 : unstuffInPlace(bytes, head + FRAME_PREFIX_LENGTH, end - 2);
      this.head = end;
      this.statistics.packets++;
      this.deliver(head, bodyEnd);
    }
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  private deliver(head: number, bodyEnd: number): void {
    const view = this.view;
    view.id = this.buffer[head + 4] as number;
    view.instruction = this.buffer[head + FRAME_PREFIX_LENGTH] as number;
    view.offset = head + FRAME_PREFIX_LENGTH + 1;
    view.length = bodyEnd - view.offset;
    this.onPacket(view);
  }

  private isHeaderAt(at: number): boolean {
    const bytes = this.buffer;
    return bytes[at] === FF && bytes[at + 1] === FF && bytes[at + 2] === FD && bytes[at + 3] === 0;
  }

  /** Index of the next possible header from `from`, keeping a header prefix cut off at the end. */
  private findHeader(from: number): number {
    const bytes = this.buffer;
    const tail = this.tail;
    for (let i = from + 2; i < tail; i++) {
      if (bytes[i] === FD && bytes[i - 1] === FF && bytes[i - 2] === FF && (i + 1 === tail || bytes[i + 1] === 0)) {
        return i - 2;
      }
    }
    if (tail - from >= 2 && bytes[tail - 1] === FF && bytes[tail - 2] === FF) return tail - 2;
    if (tail - from >= 1 && bytes[tail - 1] === FF) return tail - 1;
    return tail;
  }

  /** Drops one byte of a rejected frame: the next header may start inside it. */
  private reject(reason: 'crcErrors' | 'lengthErrors' | 'stuffingErrors'): void {
    this.statistics[reason]++;
    this.drop(1);
  }

  private drop(count: number): void {
    this.statistics.droppedBytes += count;
    this.head += count;
  }

  private makeRoom(count: number): void {
    if (this.tail + count <= this.buffer.length) return;
    this.buffer.copyWithin(0, this.head, this.tail);
    this.tail -= this.head;
    this.head = 0;
  }
}
