import { DynamixelPacketError } from './dynamixel-packet-error';
import type { Packet } from './packet';
import { PacketParser } from './packet-parser';
import { toPacket } from './to-packet';

/**
 * Decodes exactly one complete frame (header to CRC). Throws
 * {@link DynamixelPacketError} saying why when `frame` is not one valid packet.
 *
 * @example
 * decodePacket(Buffer.from('FFFFFD0001030001194E', 'hex')); // { id: 1, instruction: 1, params: [] }
 */
export function decodePacket(frame: Uint8Array): Packet {
  const packets: Packet[] = [];
  const parser = new PacketParser((view) => packets.push(toPacket(view)), { maxLength: 0xffff });
  parser.feed(frame);
  const [packet] = packets;
  if (packet !== undefined && packets.length === 1 && parser.statistics.droppedBytes === 0 && parser.buffered === 0) {
    return packet;
  }
  const { crcErrors, lengthErrors, stuffingErrors } = parser.statistics;
  const why =
    packets.length > 1
      ? `${packets.length} packets`
      : crcErrors > 0
        ? 'a CRC mismatch'
        : lengthErrors > 0
          ? 'an invalid length field'
          : stuffingErrors > 0
            ? 'invalid byte stuffing'
            : parser.buffered > 0 && packet === undefined
              ? 'an incomplete frame'
              : 'bytes outside the frame';
  throw new DynamixelPacketError(`decodePacket failed: ${frame.length} bytes hold ${why}, not exactly one packet`);
}
