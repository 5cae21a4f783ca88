import { crc16 } from './crc16';
import { stuffInto } from './byte-stuffing';
import { DynamixelPacketError } from './dynamixel-packet-error';

/**
 * Instruction codes of Protocol 2.0 used here, and 0x55 for status (reply) packets.
 *
 * @example
 * encodePacket(1, Instruction.ping); // FF FF FD 00 01 03 00 01 19 4E
 */
export const Instruction = {
  ping: 0x01,
  read: 0x02,
  write: 0x03,
  reboot: 0x08,
  status: 0x55,
  syncRead: 0x82,
  syncWrite: 0x83,
  bulkRead: 0x92,
  bulkWrite: 0x93,
} as const;

/** Id every device obeys (and none answers, except Ping and the sync/bulk reads). */
export const BROADCAST_ID = 0xfe;
/** Highest id a single device may have (0xFD and 0xFF would look like the header). */
export const MAX_DEVICE_ID = 252;
/** Bytes before the instruction: `FF FF FD 00`, id, length (2). */
export const FRAME_PREFIX_LENGTH = 7;
/** Largest value of the length field. */
export const MAX_LENGTH_FIELD = 0xffff;

/** One decoded packet. For a status packet, `params[0]` is the error byte. */
export interface Packet {
  readonly id: number;
  readonly instruction: number;
  /** Parameters, unstuffed. */
  readonly params: Uint8Array;
}

/**
 * Size of the longest frame `paramCount` parameters can stuff into: every
 * three body bytes can gain one stuffing byte. Size transmit buffers with it.
 *
 * @example
 * maxPacketLength(0); // 10 (a Ping)
 */
export function maxPacketLength(paramCount: number): number {
  return FRAME_PREFIX_LENGTH + 1 + paramCount + Math.floor((paramCount + 1) / 3) + 2;
}

/**
 * Encodes a packet (header, length, stuffed instruction and parameters
 * `params[start, end)`, CRC) into `target` from `offset`; returns the frame
 * length. Runs every tick for the sync write: must not allocate. Throws
 * {@link DynamixelPacketError} when `id` is not a device or broadcast id or
 * `target` is too short for the worst case.
 *
 * @example
 * const frame = new Uint8Array(maxPacketLength(0));
 * encodePacketInto(frame, 0, 1, Instruction.ping, new Uint8Array(0)); // 10: FF FF FD 00 01 03 00 01 19 4E
 */
export function encodePacketInto(
  target: Uint8Array,
  offset: number,
  id: number,
  instruction: number,
  params: Uint8Array,
  start = 0,
  end = params.length,
): number {
  if (!isDeviceOrBroadcastId(id)) {
    throw new DynamixelPacketError(`encodePacketInto failed: id ${id} is not 0..${MAX_DEVICE_ID} or ${BROADCAST_ID}`);
  }
  if (!Number.isInteger(instruction) || instruction < 0 || instruction > 0xff) {
    throw new DynamixelPacketError(`encodePacketInto failed: instruction ${instruction} is not a byte`);
  }
  if (target.length - offset < maxPacketLength(end - start)) {
    throw new DynamixelPacketError(
      `encodePacketInto failed: ${target.length - offset} bytes of room for ${end - start} parameters; size the buffer with maxPacketLength()`,
    );
  }
  target[offset] = 0xff;
  target[offset + 1] = 0xff;
  target[offset + 2] = 0xfd;
  target[offset + 3] = 0x00;
  target[offset + 4] = id;
  target[offset + FRAME_PREFIX_LENGTH] = instruction;
  // The stuffed region starts at the instruction, so an 0xFF instruction opens the run.
  const out = stuffInto(params, start, end, target, offset + FRAME_PREFIX_LENGTH + 1, instruction === 0xff ? 1 : 0);
  const length = out - (offset + FRAME_PREFIX_LENGTH) + 2;
  if (length > MAX_LENGTH_FIELD) {
    throw new DynamixelPacketError(`encodePacketInto failed: ${end - start} parameters exceed the 16-bit length field`);
  }
  target[offset + 5] = length & 0xff;
  target[offset + 6] = length >>> 8;
  const crc = crc16(target, offset, out);
  target[out] = crc & 0xff;
  target[out + 1] = crc >>> 8;
  return out + 2 - offset;
}

/**
 * Encodes one packet into a new buffer of its exact length (for setup and
 * tests; the loop uses {@link encodePacketInto} on a preallocated buffer).
 *
 * @example
 * encodePacket(1, Instruction.read, Uint8Array.of(0x84, 0x00, 0x04, 0x00));
 * // FF FF FD 00 01 07 00 02 84 00 04 00 1D 15
 */
export function encodePacket(id: number, instruction: number, params: Uint8Array = new Uint8Array(0)): Buffer {
  const scratch = Buffer.alloc(maxPacketLength(params.length));
  return scratch.subarray(0, encodePacketInto(scratch, 0, id, instruction, params));
}

/**
 * Whether `id` addresses one device (0..252) or all of them (254).
 *
 * @example
 * isDeviceOrBroadcastId(0xfd); // false
 */
export function isDeviceOrBroadcastId(id: number): boolean {
  return Number.isInteger(id) && ((id >= 0 && id <= MAX_DEVICE_ID) || id === BROADCAST_ID);
}
