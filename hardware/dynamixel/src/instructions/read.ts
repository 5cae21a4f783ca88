import { checkId, checkUint16, expectShape, readUint16, writeUint16 } from '../protocol/params';
import { encodePacket, Instruction, type Packet } from '../protocol/packet';

/** A Read instruction: `length` bytes of device `id`'s control table from `address`. */
export interface ReadInstruction {
  readonly id: number;
  readonly address: number;
  readonly length: number;
}

/**
 * Read: asks device `id` for `length` bytes from `address`. The reply is a
 * status packet carrying the bytes ({@link encodeStatus} / {@link decodeStatus}).
 *
 * @example
 * encodeRead(1, 132, 4); // FF FF FD 00 01 07 00 02 84 00 04 00 1D 15
 */
export function encodeRead(id: number, address: number, length: number): Buffer {
  checkId('encodeRead', id, false);
  return encodePacket(id, Instruction.read, addressAndLength('encodeRead', address, length));
}

/**
 * Decodes a Read instruction (device side).
 *
 * @example
 * decodeRead(decodePacket(encodeRead(1, 132, 4))); // { id: 1, address: 132, length: 4 }
 */
export function decodeRead(packet: Packet): ReadInstruction {
  expectShape('decodeRead', packet, Instruction.read, 4, 0);
  return { id: packet.id, address: readUint16(packet.params, 0), length: readUint16(packet.params, 2) };
}

/**
 * The four parameters shared by Read and Sync Read: address and length, both
 * 16-bit little-endian, followed by room for `extra` bytes.
 *
 * @example
 * addressAndLength('encodeRead', 132, 4); // 84 00 04 00
 */
export function addressAndLength(method: string, address: number, length: number, extra = 0): Uint8Array {
  checkUint16(method, 'address', address);
  checkUint16(method, 'length', length);
  const params = new Uint8Array(4 + extra);
  writeUint16(params, 0, address);
  writeUint16(params, 2, length);
  return params;
}
