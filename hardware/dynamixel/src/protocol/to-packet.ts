import type { Packet } from './packet';
import type { PacketView } from './packet-parser';

/**
 * Copies a parser's transient {@link PacketView} into a {@link Packet} that
 * can be kept. Allocates: for setup, tests and the responder, not the loop.
 *
 * @example
 * const parser = new PacketParser((view) => packets.push(toPacket(view)));
 */
export function toPacket(view: PacketView): Packet {
  return {
    id: view.id,
    instruction: view.instruction,
    params: view.bytes.slice(view.offset, view.offset + view.length),
  };
}
