import { encodeStatus, PRESENT_STATE } from '@tickswap/dynamixel';

/** A byte stream of Sync Read replies as a bus delivers them, and what is in it. */
export interface StatusStream {
  readonly bytes: Buffer;
  readonly packets: number;
  /** Packets whose data needed byte stuffing. */
  readonly stuffed: number;
}

/**
 * Back-to-back status packets answering the tick's Sync Read (present current,
 * velocity, position: 10 data bytes) from ids 1..12, about `size` bytes in all.
 * One packet in eight reports a small negative current and velocity, whose
 * bytes run `FF FF FD`, so it is stuffed; the rest carry positive values.
 * Deterministic (fixed linear congruential generator).
 *
 * @example
 * statusStream(1 << 20).packets; // about 50,000
 */
export function statusStream(size: number): StatusStream {
  const frames: Buffer[] = [];
  const data = Buffer.alloc(PRESENT_STATE.size);
  let state = 12345;
  const next = (): number => (state = (state * 1103515245 + 12345) >>> 0);
  let length = 0;
  let stuffed = 0;
  while (length < size) {
    const id = (frames.length % 12) + 1;
    if (frames.length % 8 === 7) {
      data.writeInt16LE(-1, 0); // FF FF, then the velocity's first byte FD: stuffed
      data.writeInt32LE(-3, 2);
    } else {
      data.writeInt16LE(next() % 400, 0);
      data.writeInt32LE(next() % 200, 2);
    }
    data.writeInt32LE(next() % 100_000, 6);
    const frame = encodeStatus(id, 0, data);
    if (frame.length > 9 + 2 + PRESENT_STATE.size) stuffed++;
    frames.push(frame);
    length += frame.length;
  }
  return { bytes: Buffer.concat(frames), packets: frames.length, stuffed };
}
