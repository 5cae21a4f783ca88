/**
 * Byte stuffing of Protocol 2.0: inside instruction..parameters, every
 * `FF FF FD` is sent as `FF FF FD FD`, so the header `FF FF FD 00` can never
 * appear inside a packet and a receiver can resynchronise on it.
 *
 * Encoder and decoder both track the run of `0xFF` bytes the same way (a run of
 * two or more followed by `0xFD` is the pattern), so `FF FF FF FD` is stuffed too.
 */
const FF = 0xff;
const FD = 0xfd;

/**
 * Length of `source[start, end)` once stuffed (to size a buffer before {@link stuffInto}).
 *
 * @example
 * stuffedLength(Uint8Array.of(0xff, 0xff, 0xfd)); // 4
 */
export function stuffedLength(source: Uint8Array, start = 0, end = source.length): number {
  let length = end - start;
  let run = 0;
  for (let i = start; i < end; i++) {
    const byte = source[i] as number;
    if (byte === FD && run >= 2) length++;
    run = byte === FF ? run + 1 : 0;
  }
  return length;
}

/**
 * Copies `source[start, end)` into `target` from `offset`, stuffing it, and
 * returns the offset after the last byte written. `target` must have room for
 * {@link stuffedLength} bytes. `leadingRun` is the number of `0xFF` bytes
 * already written just before (the instruction byte belongs to the stuffed
 * region too). Runs every tick (sync write): must not allocate.
 *
 * @example
 * const out = new Uint8Array(8);
 * stuffInto(Uint8Array.of(0xff, 0xff, 0xfd, 0x01), 0, 4, out, 0); // 5; out starts FF FF FD FD 01
 */
export function stuffInto(
  source: Uint8Array,
  start: number,
  end: number,
  target: Uint8Array,
  offset: number,
  leadingRun = 0,
): number {
  let out = offset;
  let run = leadingRun;
  for (let i = start; i < end; i++) {
    const byte = source[i] as number;
    target[out++] = byte;
    if (byte === FD && run >= 2) {
      target[out++] = FD;
      run = 0;
    } else {
      run = byte === FF ? run + 1 : 0;
    }
  }
  return out;
}

/**
 * Number of stuffing bytes in `bytes[start, end)`, or -1 when the region is
 * not a valid stuffed sequence (an `FF FF FD` not followed by `FD`: no
 * conforming sender produces it). Reads only, so a rejected frame leaves the
 * receive buffer as it came off the wire. Must not allocate.
 *
 * @example
 * countStuffing(Uint8Array.of(0xff, 0xff, 0xfd, 0xfd, 0x01), 0, 5); // 1
 */
export function countStuffing(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  let run = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === FD && run >= 2) {
      if (i + 1 >= end || bytes[i + 1] !== FD) return -1;
      count++;
      i++;
      run = 0;
    } else {
      run = byte === FF ? run + 1 : 0;
    }
  }
  return count;
}

/**
 * Removes the stuffing of `bytes[start, end)` in place and returns the new end.
 * The region must be valid ({@link countStuffing} >= 0). Runs for every
 * received frame that carries stuffing: must not allocate.
 *
 * @example
 * const bytes = Uint8Array.of(0xff, 0xff, 0xfd, 0xfd, 0x01);
 * unstuffInPlace(bytes, 0, 5); // 4; bytes start FF FF FD 01
 */
export function unstuffInPlace(bytes: Uint8Array, start: number, end: number): number {
  let out = start;
  let run = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number;
    bytes[out++] = byte;
    if (byte === FD && run >= 2) {
      i++;
      run = 0;
    } else {
      run = byte === FF ? run + 1 : 0;
    }
  }
  return out;
}
