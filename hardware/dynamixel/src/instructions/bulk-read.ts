import { checkUint16, expectShape, readUint16, writeUint16 } from '../protocol/params';
import { BROADCAST_ID, encodePacket, Instruction, type Packet } from '../protocol/packet';
import { checkIds, expectBroadcast } from './sync-read';

/** One device's share of a Bulk Read: its own address and length. */
export interface BulkReadEntry {
  readonly id: number;
  readonly address: number;
  readonly length: number;
}

/**
 * Bulk Read (broadcast): each entry's device answers, in order, with a status
 * packet carrying its `length` bytes from its `address` ({@link encodeStatus}).
 *
 * @example
 * encodeBulkRead([{ id: 1, address: 144, length: 2 }, { id: 2, address: 146, length: 1 }]);
 * // FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05
 */
export function encodeBulkRead(entries: readonly BulkReadEntry[]): Buffer {
  checkIds(
    'encodeBulkRead',
    entries.map((entry) => entry.id),
  );
  const params = new Uint8Array(entries.length * 5);
  entries.forEach((entry, index) => {
    checkUint16('encodeBulkRead', 'address', entry.address);
    checkUint16('encodeBulkRead', 'length', entry.length);
    params[index * 5] = entry.id;
    writeUint16(params, index * 5 + 1, entry.address);
    writeUint16(params, index * 5 + 3, entry.length);
  });
  return encodePacket(BROADCAST_ID, Instruction.bulkRead, params);
}

/**
 * Decodes a Bulk Read instruction (device side).
 *
 * @example
 * decodeBulkRead(decodePacket(frame))[0]?.address;
 */
export function decodeBulkRead(packet: Packet): readonly BulkReadEntry[] {
  expectBroadcast('decodeBulkRead', packet);
  expectShape('decodeBulkRead', packet, Instruction.bulkRead, 5, 5);
  const entries: BulkReadEntry[] = [];
  for (let at = 0; at < packet.params.length; at += 5) {
    entries.push({
      id: packet.params[at] as number,
      address: readUint16(packet.params, at + 1),
      length: readUint16(packet.params, at + 3),
    });
  }
  checkIds(
    'decodeBulkRead',
    entries.map((entry) => entry.id),
  );
  return entries;
}
