import type { Packet } from '../src/protocol/packet';
import { PacketParser, type PacketParserOptions } from '../src/protocol/packet-parser';
import { toPacket } from '../src/protocol/to-packet';

/** A parser that keeps a copy of every packet it delivers, for assertions. */
export function collectingParser(options?: PacketParserOptions): { parser: PacketParser; packets: Packet[] } {
  const packets: Packet[] = [];
  const parser = new PacketParser((view) => packets.push(toPacket(view)), options);
  return { parser, packets };
}
