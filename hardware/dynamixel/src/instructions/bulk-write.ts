import { DynamixelPacketError } from '../protocol/dynamixel-packet-error';
import { checkUint16, readUint16, writeUint16 } from '../protocol/params';
import { BROADCAST_ID, encodePacket, Instruction, type Packet } from '../protocol/packet';
import { checkIds, expectBroadcast } from './sync-read';

/** One device's share of a Bulk Write: its own address and data. */
export interface BulkWriteEntry {
  readonly id: number;
  readonly address: number;
  readonly data: Uint8Array;
}

/**
 * Bulk Write (broadcast, no reply): each entry's data at its own address.
 *
 * @example
 * encodeBulkWrite([{ id: 1, address: 32, data: Uint8Array.of(0xa0, 0x00) }, { id: 2, address: 31, data: Uint8Array.of(0x50) }]);
 * // FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68
 */
export function encodeBulkWrite(entries: readonly BulkWriteEntry[]): Buffer {
  checkIds(
    'encodeBulkWrite',
    entries.map((entry) => entry.id),
  );
  const params = new Uint8Array(entries.reduce((sum, entry) => sum + 5 + entry.data.length, 0));
  let at = 0;
  for (const entry of entries) {
    checkUint16('encodeBulkWrite', 'address', entry.address);
    checkUint16('encodeBulkWrite', 'length', entry.data.length);
    params[at] = entry.id;
    writeUint16(params, at + 1, entry.address);
    writeUint16(params, at + 3, entry.data.length);
    params.set(entry.data, at + 5);
    at += 5 + entry.data.length;
  }
  return encodePacket(BROADCAST_ID, Instruction.bulkWrite, params);
}

/**
 * Decodes a Bulk Write instruction (device side).
 *
 * @example
 * decodeBulkWrite(decodePacket(frame))[1]?.data;
 */
export function decodeBulkWrite(packet: Packet): readonly BulkWriteEntry[] {
  expectBroadcast('decodeBulkWrite', packet);
  if (packet.instruction !== Instruction.bulkWrite) {
    throw new DynamixelPacketError(`decodeBulkWrite failed: instruction 0x${packet.instruction.toString(16)} is not 0x93`);
  }
  const entries: BulkWriteEntry[] = [];
  const params = packet.params;
  for (let at = 0; at < params.length; ) {
    const length = at + 5 <= params.length ? readUint16(params, at + 3) : -1;
    if (length < 0 || at + 5 + length > params.length) {
      throw new DynamixelPacketError(`decodeBulkWrite failed: entry at parameter ${at} runs past the ${params.length} parameters`);
    }
    entries.push({ id: params[at] as number, address: readUint16(params, at + 1), data: params.slice(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  checkIds(
    'decodeBulkWrite',
    entries.map((entry) => entry.id),
  );
  return entries;
}
