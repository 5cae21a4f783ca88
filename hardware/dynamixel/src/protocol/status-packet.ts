import { checkId } from './params';
import { DynamixelPacketError } from './dynamixel-packet-error';
import { encodePacket, Instruction, type Packet } from './packet';

/** A decoded status (reply) packet. */
export interface StatusPacket {
  readonly id: number;
  /** Error byte: bits 0..6 error number, bit 7 hardware alert (see {@link DynamixelStatusError}). */
  readonly error: number;
  /** Data read (Read, Sync Read, Bulk Read), model and firmware (Ping), or empty. */
  readonly data: Uint8Array;
}

/**
 * Encodes the status packet device `id` answers with: the reply of Ping (see
 * {@link encodePingReply}), Read, Sync Read and Bulk Read (the data), Write
 * and Reboot (no data).
 *
 * @example
 * encodeStatus(1, 0); // FF FF FD 00 01 04 00 55 00 A1 0C (the manual's Write reply)
 */
export function encodeStatus(id: number, error: number, data: Uint8Array = new Uint8Array(0)): Buffer {
  checkId('encodeStatus', id, false);
  if (!Number.isInteger(error) || error < 0 || error > 0xff) {
    throw new DynamixelPacketError(`encodeStatus failed: error ${error} is not a byte`);
  }
  const params = new Uint8Array(data.length + 1);
  params[0] = error;
  params.set(data, 1);
  return encodePacket(id, Instruction.status, params);
}

/**
 * Decodes a status packet; with `dataLength`, also checks the data size
 * (a Read reply must carry exactly the bytes asked for).
 *
 * @example
 * decodeStatus(decodePacket(reply), 4).data; // the 4 bytes of Present Position
 */
export function decodeStatus(packet: Packet, dataLength?: number): StatusPacket {
  const [error] = packet.params;
  if (packet.instruction !== Instruction.status || error === undefined) {
    throw new DynamixelPacketError(
      `decodeStatus failed: packet from id ${packet.id} is instruction 0x${packet.instruction.toString(16)} with ${packet.params.length} parameters, not a status packet`,
    );
  }
  const data = packet.params.subarray(1);
  if (dataLength !== undefined && data.length !== dataLength) {
    throw new DynamixelPacketError(`decodeStatus failed: id ${packet.id} sent ${data.length} data bytes, expected ${dataLength}`);
  }
  return { id: packet.id, error, data };
}
