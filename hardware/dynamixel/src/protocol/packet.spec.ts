import fc from 'fast-check';
import { anyPacket } from '../../test/arbitraries';
import { toHex } from '../../test/hex';
import { decodePacket } from './decode-packet';
import { DynamixelPacketError } from './dynamixel-packet-error';
import { encodePacket, encodePacketInto, maxPacketLength } from './packet';

describe('packet encoding', () => {
  it('decodes every packet to itself, whatever FF FF FD runs its parameters hold', () => {
    fc.assert(
      fc.property(anyPacket, (packet) => {
        const frame = encodePacket(packet.id, packet.instruction, packet.params);
        expect(frame.length).toBeLessThanOrEqual(maxPacketLength(packet.params.length));
        expect(toHex(frame.subarray(1))).not.toContain('FF FF FD 00');
        expect(decodePacket(frame)).toEqual({ id: packet.id, instruction: packet.instruction, params: packet.params });
      }),
    );
  });

  it('encodes in place at an offset, leaving the bytes around it alone', () => {
    const target = new Uint8Array(20).fill(0xaa);
    const length = encodePacketInto(target, 3, 1, 0x01, new Uint8Array(0));
    expect(toHex(target.subarray(3, 3 + length))).toBe('FF FF FD 00 01 03 00 01 19 4E');
    expect(target[2]).toBe(0xaa);
    expect(target[3 + length]).toBe(0xaa);
  });

  it('rejects ids that are neither a device nor broadcast, bad instructions and short buffers', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 253, max: 253 }), fc.integer({ min: 255, max: 1000 }), fc.integer({ max: -1 }), fc.double({ noInteger: true })),
        (id) => {
          expect(() => encodePacket(id, 1)).toThrow(DynamixelPacketError);
        },
      ),
    );
    expect(() => encodePacket(1, 256)).toThrow('instruction 256 is not a byte');
    expect(() => encodePacketInto(new Uint8Array(9), 0, 1, 1, new Uint8Array(0))).toThrow('size the buffer with maxPacketLength()');
  });

  it('rejects what is not exactly one valid frame, saying why', () => {
    const ping = encodePacket(1, 1);
    expect(() => decodePacket(ping.subarray(0, 9))).toThrow('an incomplete frame');
    expect(() => decodePacket(Buffer.concat([ping, ping]))).toThrow('2 packets');
    expect(() => decodePacket(Buffer.concat([Buffer.of(0), ping]))).toThrow('bytes outside the frame');
    const corrupt = Buffer.from(ping);
    corrupt[8] = (corrupt[8] as number) ^ 1;
    expect(() => decodePacket(corrupt)).toThrow('a CRC mismatch');
  });
});
