import fc from 'fast-check';
import { Instruction } from '../src/protocol/packet';

/** Bytes that often hold the header and stuffing patterns (FF, FD, 00), so stuffing is exercised. */
export const patternByte = fc.oneof(fc.constantFrom(0xff, 0xfd, 0x00), fc.integer({ min: 0, max: 255 }));

/** Parameter bytes rich in `FF FF FD` runs. */
export const patternBytes = (maxLength: number, minLength = 0) =>
  fc.array(patternByte, { minLength, maxLength }).map((bytes) => Uint8Array.from(bytes));

/** A packet any conforming sender could put on the bus (status packets carry their error byte). */
export const anyPacket = fc
  .record({
    id: fc.oneof(fc.integer({ min: 0, max: 252 }), fc.constant(0xfe)),
    instruction: fc.constantFrom(...Object.values(Instruction)),
    params: patternBytes(40),
  })
  .map((packet) =>
    packet.instruction === Instruction.status && packet.params.length === 0
      ? { ...packet, params: Uint8Array.of(0) }
      : packet,
  );
