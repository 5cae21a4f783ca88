import fc from 'fast-check';
import { anyPacket } from '../../test/arbitraries';
import { collectingParser } from '../../test/collect-packets';
import { hex } from '../../test/hex';
import { crc16 } from './crc16';
import { DynamixelPacketError } from './dynamixel-packet-error';
import { encodePacket } from './packet';
import { PacketParser } from './packet-parser';

const ping = hex('FF FF FD 00 01 03 00 01 19 4E');
const readReply = hex('FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0');

/** A frame with a valid CRC over whatever body it is given (stuffed or not). */
function rawFrame(id: number, body: Uint8Array): Buffer {
  const frame = Buffer.alloc(7 + body.length + 2);
  hex('FF FF FD 00').copy(frame);
  frame[4] = id;
  frame.writeUInt16LE(body.length + 2, 5);
  frame.set(body, 7);
  frame.writeUInt16LE(crc16(frame, 0, frame.length - 2), frame.length - 2);
  return frame;
}

describe('PacketParser', () => {
  it('delivers the same packets however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(anyPacket, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 })), (sent, cuts) => {
        const stream = Buffer.concat(sent.map((p) => encodePacket(p.id, p.instruction, p.params)));
        const { parser, packets } = collectingParser();
        let at = 0;
        for (const cut of cuts) {
          parser.feed(stream.subarray(at, Math.min(stream.length, at + cut)));
          at = Math.min(stream.length, at + cut);
        }
        parser.feed(stream.subarray(at));
        expect(packets).toEqual(sent);
        expect(parser.statistics).toMatchObject({ packets: sent.length, droppedBytes: 0 });
        expect(parser.buffered).toBe(0);
      }),
    );
  });

  it('skips noise before and between packets and counts it', () => {
    const { parser, packets } = collectingParser();
    parser.feed(Buffer.concat([hex('00 FF 13 FF FF FD 01'), ping, hex('FF FF'), readReply]));
    expect(packets.map((p) => p.id)).toEqual([1, 1]);
    expect(parser.statistics.droppedBytes).toBe(9);
  });

  it('keeps a header cut at the end of a chunk', () => {
    const { parser, packets } = collectingParser();
    parser.feed(Buffer.concat([hex('42'), ping.subarray(0, 3)]));
    expect(parser.buffered).toBe(3);
    parser.feed(ping.subarray(3));
    expect(packets).toHaveLength(1);
  });

  it('rejects a bad CRC and still finds the packet right behind it', () => {
    const corrupt = Buffer.from(readReply);
    corrupt[10] = 0xa7;
    const { parser, packets } = collectingParser();
    parser.feed(Buffer.concat([corrupt, ping]));
    expect(packets.map((p) => p.instruction)).toEqual([1]);
    expect(parser.statistics.crcErrors).toBe(1);
    expect(parser.statistics.droppedBytes).toBe(corrupt.length);
  });

  it('recovers the packet a truncated frame swallowed', () => {
    const { parser, packets } = collectingParser();
    parser.feed(Buffer.concat([readReply.subarray(0, 9), ping, ping]));
    expect(packets).toHaveLength(2);
    expect(parser.statistics.crcErrors).toBeGreaterThanOrEqual(1);
  });

  it('rejects absurd lengths at once instead of waiting for them', () => {
    const { parser, packets } = collectingParser({ maxLength: 64 });
    parser.feed(Buffer.concat([hex('FF FF FD 00 01 FF 7F 02'), hex('FF FF FD 00 01 02 00 01'), ping]));
    expect(packets).toHaveLength(1);
    expect(parser.statistics.lengthErrors).toBe(2);
  });

  it('rejects a status packet without its error byte, and a valid-CRC frame with broken stuffing', () => {
    const { parser, packets } = collectingParser();
    parser.feed(rawFrame(1, hex('55')));
    parser.feed(rawFrame(1, hex('55 00 FF FF FD 01')));
    parser.feed(rawFrame(1, hex('55 00 FF FF FD FD 01')));
    expect(packets).toEqual([{ id: 1, instruction: 0x55, params: hex('00 FF FF FD 01') }]);
    expect(parser.statistics).toMatchObject({ lengthErrors: 1, stuffingErrors: 1, packets: 1 });
  });

  it('on resync gives up a frame that will not complete and delivers what it hid', () => {
    const { parser, packets } = collectingParser();
    // A header with a plausible length makes the parser wait for 40 bytes: the reply is inside.
    parser.feed(Buffer.concat([hex('FF FF FD 00 07 28 00'), readReply]));
    expect(packets).toHaveLength(0);
    parser.resync();
    expect(packets.map((p) => p.id)).toEqual([1]);
    expect(parser.statistics.abandonedFrames).toBe(1);
  });

  it('drops everything on reset, counting a partial frame as abandoned', () => {
    const { parser, packets } = collectingParser();
    parser.feed(readReply.subarray(0, 12));
    parser.reset();
    parser.feed(readReply.subarray(12));
    expect(packets).toHaveLength(0);
    parser.feed(ping);
    expect(packets).toHaveLength(1);
    expect(parser.statistics).toMatchObject({ abandonedFrames: 1, droppedBytes: readReply.length });
  });

  it('takes chunks larger than its buffer', () => {
    const { parser, packets } = collectingParser({ maxLength: 64 });
    parser.feed(Buffer.concat(Array.from({ length: 2000 }, () => ping)));
    expect(packets).toHaveLength(2000);
  });

  it('accounts for every byte fed: delivered, dropped or still buffered', () => {
    const frame = anyPacket.map((p) => encodePacket(p.id, p.instruction, p.params));
    fc.assert(
      fc.property(fc.array(fc.oneof(frame, fc.uint8Array({ maxLength: 30 }))), (pieces) => {
        const { parser, packets } = collectingParser();
        const stream = Buffer.concat(pieces);
        parser.feed(stream);
        // Only well-stuffed frames are delivered, so re-encoding gives their length on the wire.
        const delivered = packets.reduce((sum, p) => sum + encodePacket(p.id, p.instruction, p.params).length, 0);
        expect(delivered + parser.statistics.droppedBytes + parser.buffered).toBe(stream.length);
      }),
    );
  });

  it('refuses a maxLength it cannot honour', () => {
    expect(() => new PacketParser(() => undefined, { maxLength: 2 })).toThrow(DynamixelPacketError);
  });
});
