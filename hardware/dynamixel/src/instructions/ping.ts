import { readUint16, writeUint16 } from '../protocol/params';
import { Instruction, type Packet } from '../protocol/packet';
import { decodeStatus, encodeStatus } from '../protocol/status-packet';
import { decodeBareInstruction, encodeBareInstruction } from './bare-instruction';

/** What a device answers to Ping. */
export interface PingReply {
  readonly id: number;
  readonly error: number;
  readonly modelNumber: number;
  readonly firmware: number;
}

/**
 * Ping: asks device `id` (or every device, with 254) for its model and firmware.
 *
 * @example
 * encodePing(1); // FF FF FD 00 01 03 00 01 19 4E
 */
export function encodePing(id: number): Buffer {
  return encodeBareInstruction('encodePing', id, Instruction.ping);
}

/**
 * Decodes a Ping instruction (device side).
 *
 * @example
 * decodePing(decodePacket(encodePing(1))); // { id: 1 }
 */
export function decodePing(packet: Packet): { readonly id: number } {
  return decodeBareInstruction('decodePing', packet, Instruction.ping);
}

/**
 * The status packet a device answers Ping with: model number (LE) and firmware.
 *
 * @example
 * encodePingReply(1, 1030, 38); // FF FF FD 00 01 07 00 55 00 06 04 26 65 5D
 */
export function encodePingReply(id: number, modelNumber: number, firmware: number, error = 0): Buffer {
  const data = new Uint8Array(3);
  writeUint16(data, 0, modelNumber);
  data[2] = firmware;
  return encodeStatus(id, error, data);
}

/**
 * Decodes a device's answer to Ping.
 *
 * @example
 * decodePingReply(decodePacket(reply)).modelNumber; // 1030 for an XM430-W210
 */
export function decodePingReply(packet: Packet): PingReply {
  const status = decodeStatus(packet, 3);
  return { id: status.id, error: status.error, modelNumber: readUint16(status.data, 0), firmware: status.data[2] as number };
}
