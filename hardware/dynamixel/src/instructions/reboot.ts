import { Instruction, type Packet } from '../protocol/packet';
import { decodeBareInstruction, encodeBareInstruction } from './bare-instruction';

/**
 * Reboot: restarts device `id` (clears a hardware error shutdown). The reply
 * is an empty status packet ({@link encodeStatus}), sent before the restart.
 *
 * @example
 * encodeReboot(1); // FF FF FD 00 01 03 00 08 2F 4E
 */
export function encodeReboot(id: number): Buffer {
  return encodeBareInstruction('encodeReboot', id, Instruction.reboot);
}

/**
 * Decodes a Reboot instruction (device side).
 *
 * @example
 * decodeReboot(decodePacket(encodeReboot(3))); // { id: 3 }
 */
export function decodeReboot(packet: Packet): { readonly id: number } {
  return decodeBareInstruction('decodeReboot', packet, Instruction.reboot);
}
