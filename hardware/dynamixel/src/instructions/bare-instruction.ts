import { checkId, expectShape } from '../protocol/params';
import { encodePacket, type Packet } from '../protocol/packet';

/**
 * Encodes an instruction that carries no parameters (Ping, Reboot) to `id` or broadcast.
 *
 * @example
 * encodeBareInstruction('encodeReboot', 1, Instruction.reboot);
 */
export function encodeBareInstruction(method: string, id: number, instruction: number): Buffer {
  checkId(method, id, true);
  return encodePacket(id, instruction);
}

/**
 * Decodes an instruction that carries no parameters, checking it is `instruction`.
 *
 * @example
 * decodeBareInstruction('decodeReboot', packet, Instruction.reboot); // { id }
 */
export function decodeBareInstruction(method: string, packet: Packet, instruction: number): { readonly id: number } {
  expectShape(method, packet, instruction, 0, 0);
  return { id: packet.id };
}
