import { checkId, checkUint16, expectShape, readUint16, writeUint16 } from '../protocol/params';
import { encodePacket, Instruction, type Packet } from '../protocol/packet';

/** A Write instruction: `data` into device `id`'s control table from `address`. */
export interface WriteInstruction {
  readonly id: number;
  readonly address: number;
  readonly data: Uint8Array;
}

/**
 * Write: stores `data` from `address` in device `id` (254: every device, which
 * then does not answer). The reply is an empty status packet ({@link encodeStatus}).
 *
 * @example
 * encodeWrite(1, 116, Uint8Array.of(0x00, 0x02, 0x00, 0x00)); // FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89
 */
export function encodeWrite(id: number, address: number, data: Uint8Array): Buffer {
  checkId('encodeWrite', id, true);
  checkUint16('encodeWrite', 'address', address);
  const params = new Uint8Array(2 + data.length);
  writeUint16(params, 0, address);
  params.set(data, 2);
  return encodePacket(id, Instruction.write, params);
}

/**
 * Decodes a Write instruction (device side).
 *
 * @example
 * decodeWrite(decodePacket(encodeWrite(1, 64, Uint8Array.of(1)))).address; // 64
 */
export function decodeWrite(packet: Packet): WriteInstruction {
  expectShape('decodeWrite', packet, Instruction.write, 2, 1);
  return { id: packet.id, address: readUint16(packet.params, 0), data: packet.params.slice(2) };
}
