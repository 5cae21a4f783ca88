import fc from 'fast-check';
import { anyPacket, patternBytes } from '../../test/arbitraries';
import { decodePacket } from '../protocol/decode-packet';
import { DynamixelPacketError } from '../protocol/dynamixel-packet-error';
import { Instruction } from '../protocol/packet';
import { decodeStatus, encodeStatus } from '../protocol/status-packet';
import { encodeBulkRead } from './bulk-read';
import { decodeBulkWrite, encodeBulkWrite } from './bulk-write';
import { decodeInstruction } from './decode-instruction';
import { decodePingReply, encodePing, encodePingReply } from './ping';
import { encodeRead } from './read';
import { encodeReboot } from './reboot';
import { decodeSyncRead, encodeSyncRead } from './sync-read';
import { encodeSyncWrite } from './sync-write';
import { encodeWrite } from './write';

const deviceId = fc.integer({ min: 0, max: 252 });
const badId = fc.oneof(fc.integer({ max: -1 }), fc.constant(253), fc.integer({ min: 255 }), fc.double({ noInteger: true }));
const uint16 = fc.integer({ min: 0, max: 0xffff });
const badUint16 = fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 0x10000 }), fc.double({ noInteger: true }));
const distinctIds = fc.uniqueArray(deviceId, { minLength: 1, maxLength: 12 });

describe('instructions', () => {
  it('decode to what was encoded', () => {
    fc.assert(
      fc.property(deviceId, uint16, uint16, patternBytes(8), distinctIds, (id, address, length, data, ids) => {
        const roundTrip = (frame: Buffer) => decodeInstruction(decodePacket(frame));
        expect(roundTrip(encodePing(id))).toEqual({ kind: 'ping', id });
        expect(roundTrip(encodeRead(id, address, length))).toEqual({ kind: 'read', id, address, length });
        expect(roundTrip(encodeWrite(id, address, data))).toEqual({ kind: 'write', id, address, data });
        expect(roundTrip(encodeReboot(id))).toEqual({ kind: 'reboot', id });
        expect(roundTrip(encodeSyncRead(address, length, ids))).toEqual({ kind: 'syncRead', address, length, ids });
        const entries = ids.map((each) => ({ id: each, data }));
        expect(roundTrip(encodeSyncWrite(address, data.length, entries))).toEqual({
          kind: 'syncWrite',
          address,
          length: data.length,
          entries,
        });
        const reads = ids.map((each) => ({ id: each, address, length }));
        expect(roundTrip(encodeBulkRead(reads))).toEqual({ kind: 'bulkRead', entries: reads });
        const writes = ids.map((each) => ({ id: each, address, data }));
        expect(roundTrip(encodeBulkWrite(writes))).toEqual({ kind: 'bulkWrite', entries: writes });
      }),
    );
  });

  it('replies decode to what was encoded', () => {
    fc.assert(
      fc.property(deviceId, uint16, fc.nat(255), fc.nat(255), patternBytes(12), (id, model, firmware, error, data) => {
        expect(decodePingReply(decodePacket(encodePingReply(id, model, firmware, error)))).toEqual({
          id,
          error,
          modelNumber: model,
          firmware,
        });
        expect(decodeStatus(decodePacket(encodeStatus(id, error, data)), data.length)).toEqual({ id, error, data });
      }),
    );
  });

  it('refuse ids, addresses and lengths out of range', () => {
    fc.assert(
      fc.property(badId, badUint16, (id, bad) => {
        expect(() => encodeRead(id, 0, 1)).toThrow(DynamixelPacketError);
        expect(() => encodeWrite(id, 0, Uint8Array.of(1))).toThrow(DynamixelPacketError);
        expect(() => encodeStatus(id, 0)).toThrow(DynamixelPacketError);
        expect(() => encodeRead(1, bad, 1)).toThrow(DynamixelPacketError);
        expect(() => encodeRead(1, 0, bad)).toThrow(DynamixelPacketError);
        expect(() => encodeSyncRead(bad, 4, [1])).toThrow(DynamixelPacketError);
        expect(() => encodeSyncRead(0, 4, [1, id])).toThrow(DynamixelPacketError);
        expect(() => encodeBulkRead([{ id: 1, address: bad, length: 1 }])).toThrow(DynamixelPacketError);
      }),
    );
    expect(() => encodeRead(0xfe, 132, 4)).toThrow('id 254 is not 0..252');
    expect(() => encodeStatus(1, 256)).toThrow('error 256 is not a byte');
  });

  it('refuse empty or repeated id lists and data of the wrong size', () => {
    expect(() => encodeSyncRead(132, 4, [])).toThrow('no device ids');
    expect(() => encodeSyncRead(132, 4, [1, 2, 1])).toThrow('id 1 appears twice');
    expect(() => encodeSyncWrite(104, 4, [{ id: 1, data: Uint8Array.of(1, 2) }])).toThrow('id 1 has 2 bytes, expected 4');
    expect(() => encodeBulkWrite([])).toThrow('no device ids');
  });

  it('decoding any packet either succeeds or throws DynamixelPacketError naming the decoder', () => {
    fc.assert(
      fc.property(anyPacket, (packet) => {
        try {
          decodeInstruction(packet);
        } catch (error) {
          expect(error).toBeInstanceOf(DynamixelPacketError);
          expect((error as Error).message).toMatch(/^decode\w+ failed: /);
        }
      }),
    );
  });

  it('say what is wrong with a malformed instruction', () => {
    const packet = (instruction: number, params: number[], id = 0xfe) => ({ id, instruction, params: Uint8Array.from(params) });
    expect(() => decodeSyncRead(packet(Instruction.syncRead, [0x84, 0, 4, 0, 1], 1))).toThrow('packet id 1 is not the broadcast id 254');
    expect(() => decodeSyncRead(packet(Instruction.syncRead, [0x84, 0, 4, 0]))).toThrow('4 parameters, expected 5 + n × 1');
    expect(() => decodeBulkWrite(packet(Instruction.bulkWrite, [1, 0, 0, 9, 0, 1]))).toThrow('entry at parameter 0 runs past');
    expect(() => decodeInstruction(packet(Instruction.status, [0], 1))).toThrow('instruction 0x55 from id 1 is not one this package handles');
    expect(() => decodeStatus(packet(Instruction.read, [], 1))).toThrow('not a status packet');
    expect(() => decodeStatus(packet(Instruction.status, [0, 1], 1), 4)).toThrow('sent 1 data bytes, expected 4');
  });
});
