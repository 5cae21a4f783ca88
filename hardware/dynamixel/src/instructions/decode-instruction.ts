import { DynamixelPacketError } from '../protocol/dynamixel-packet-error';
import { Instruction, type Packet } from '../protocol/packet';
import { decodeBulkRead, type BulkReadEntry } from './bulk-read';
import { decodeBulkWrite, type BulkWriteEntry } from './bulk-write';
import { decodePing } from './ping';
import { decodeRead, type ReadInstruction } from './read';
import { decodeReboot } from './reboot';
import { decodeSyncRead, type SyncReadInstruction } from './sync-read';
import { decodeSyncWrite, type SyncWriteInstruction } from './sync-write';
import { decodeWrite, type WriteInstruction } from './write';

/** Any instruction this package encodes, decoded, tagged by `kind`. */
export type DecodedInstruction =
  | { readonly kind: 'ping'; readonly id: number }
  | ({ readonly kind: 'read' } & ReadInstruction)
  | ({ readonly kind: 'write' } & WriteInstruction)
  | { readonly kind: 'reboot'; readonly id: number }
  | ({ readonly kind: 'syncRead' } & SyncReadInstruction)
  | ({ readonly kind: 'syncWrite' } & SyncWriteInstruction)
  | { readonly kind: 'bulkRead'; readonly entries: readonly BulkReadEntry[] }
  | { readonly kind: 'bulkWrite'; readonly entries: readonly BulkWriteEntry[] };

/**
 * Decodes an instruction packet (the device side of the bus: simulated
 * servos, test responders). Throws {@link DynamixelPacketError} for a status
 * packet, an instruction not listed in {@link Instruction}, or bad parameters.
 *
 * @example
 * const instruction = decodeInstruction(packet);
 * if (instruction.kind === 'read') reply(instruction.id, table.slice(instruction.address, instruction.address + instruction.length));
 */
export function decodeInstruction(packet: Packet): DecodedInstruction {
  switch (packet.instruction) {
    case Instruction.ping:
      return { kind: 'ping', ...decodePing(packet) };
    case Instruction.read:
      return { kind: 'read', ...decodeRead(packet) };
    case Instruction.write:
      return { kind: 'write', ...decodeWrite(packet) };
    case Instruction.reboot:
      return { kind: 'reboot', ...decodeReboot(packet) };
    case Instruction.syncRead:
      return { kind: 'syncRead', ...decodeSyncRead(packet) };
    case Instruction.syncWrite:
      return { kind: 'syncWrite', ...decodeSyncWrite(packet) };
    case Instruction.bulkRead:
      return { kind: 'bulkRead', entries: decodeBulkRead(packet) };
    case Instruction.bulkWrite:
      return { kind: 'bulkWrite', entries: decodeBulkWrite(packet) };
    default:
      throw new DynamixelPacketError(
        `decodeInstruction failed: instruction 0x${packet.instruction.toString(16)} from id ${packet.id} is not one this package handles`,
      );
  }
}
