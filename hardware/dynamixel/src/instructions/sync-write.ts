import { DynamixelPacketError } from '../protocol/dynamixel-packet-error';
import { expectShape, readUint16 } from '../protocol/params';
import { BROADCAST_ID, encodePacket, Instruction, type Packet } from '../protocol/packet';
import { addressAndLength } from './read';
import { checkIds, expectBroadcast } from './sync-read';

/** One device's share of a Sync Write. */
export interface SyncWriteEntry {
  readonly id: number;
  readonly data: Uint8Array;
}

/** A Sync Write: `length` bytes from `address` into each entry's device. */
export interface SyncWriteInstruction {
  readonly address: number;
  readonly length: number;
  readonly entries: readonly SyncWriteEntry[];
}

/**
 * Sync Write (broadcast, no reply): each entry's `length` bytes from `address`.
 *
 * @example
 * encodeSyncWrite(116, 4, [{ id: 1, data: Uint8Array.of(0x96, 0, 0, 0) }, { id: 2, data: Uint8Array.of(0xaa, 0, 0, 0) }]);
 * // FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87
 */
export function encodeSyncWrite(address: number, length: number, entries: readonly SyncWriteEntry[]): Buffer {
  checkIds(
    'encodeSyncWrite',
    entries.map((entry) => entry.id),
  );
  const params = addressAndLength('encodeSyncWrite', address, length, entries.length * (1 + length));
  entries.forEach((entry, index) => {
    if (entry.data.length !== length) {
      throw new DynamixelPacketError(`encodeSyncWrite failed: id ${entry.id} has ${entry.data.length} bytes, expected ${length}`);
    }
    params[4 + index * (1 + length)] = entry.id;
    params.set(entry.data, 5 + index * (1 + length));
  });
  return encodePacket(BROADCAST_ID, Instruction.syncWrite, params);
}

/**
 * Decodes a Sync Write instruction (device side).
 *
 * @example
 * decodeSyncWrite(decodePacket(frame)).entries[0]?.id;
 */
export function decodeSyncWrite(packet: Packet): SyncWriteInstruction {
  expectBroadcast('decodeSyncWrite', packet);
  expectShape('decodeSyncWrite', packet, Instruction.syncWrite, 4, 1);
  const address = readUint16(packet.params, 0);
  const length = readUint16(packet.params, 2);
  expectShape('decodeSyncWrite', packet, Instruction.syncWrite, 4 + 1 + length, 1 + length);
  const entries: SyncWriteEntry[] = [];
  for (let at = 4; at < packet.params.length; at += 1 + length) {
    entries.push({ id: packet.params[at] as number, data: packet.params.slice(at + 1, at + 1 + length) });
  }
  checkIds(
    'decodeSyncWrite',
    entries.map((entry) => entry.id),
  );
  return { address, length, entries };
}
