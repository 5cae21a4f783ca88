import { DynamixelPacketError } from '../protocol/dynamixel-packet-error';
import { checkId, checkUniqueIds, expectShape, readUint16 } from '../protocol/params';
import { BROADCAST_ID, encodePacket, Instruction, type Packet } from '../protocol/packet';
import { addressAndLength } from './read';

/** A Sync Read: the same `length` bytes from `address` of every device in `ids`. */
export interface SyncReadInstruction {
  readonly address: number;
  readonly length: number;
  readonly ids: readonly number[];
}

/**
 * Sync Read (broadcast): every device in `ids` answers, in that order, with a
 * status packet carrying its `length` bytes ({@link encodeStatus}).
 *
 * @example
 * encodeSyncRead(132, 4, [1, 2]); // FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA
 */
export function encodeSyncRead(address: number, length: number, ids: readonly number[]): Buffer {
  checkIds('encodeSyncRead', ids);
  const params = addressAndLength('encodeSyncRead', address, length, ids.length);
  params.set(ids, 4);
  return encodePacket(BROADCAST_ID, Instruction.syncRead, params);
}

/**
 * Decodes a Sync Read instruction (device side).
 *
 * @example
 * decodeSyncRead(decodePacket(encodeSyncRead(132, 4, [1, 2]))).ids; // [1, 2]
 */
export function decodeSyncRead(packet: Packet): SyncReadInstruction {
  expectBroadcast('decodeSyncRead', packet);
  expectShape('decodeSyncRead', packet, Instruction.syncRead, 5, 1);
  const ids = Array.from(packet.params.subarray(4));
  checkIds('decodeSyncRead', ids);
  return { address: readUint16(packet.params, 0), length: readUint16(packet.params, 2), ids };
}

/**
 * Throws unless `ids` is a non-empty list of distinct device ids.
 *
 * @example
 * checkIds('encodeSyncRead', [1, 2]);
 */
export function checkIds(method: string, ids: readonly number[]): void {
  if (ids.length === 0) throw new DynamixelPacketError(`${method} failed: no device ids`);
  for (const id of ids) checkId(method, id, false);
  checkUniqueIds(method, ids);
}

/**
 * Throws unless a sync or bulk instruction is addressed to the broadcast id, as the protocol requires.
 *
 * @example
 * expectBroadcast('decodeSyncRead', packet);
 */
export function expectBroadcast(method: string, packet: Packet): void {
  if (packet.id !== BROADCAST_ID) {
    throw new DynamixelPacketError(`${method} failed: packet id ${packet.id} is not the broadcast id ${BROADCAST_ID}`);
  }
}
