import { toHex } from '../../test/hex';
import { decodeSyncWrite } from '../instructions/sync-write';
import { decodePacket } from '../protocol/decode-packet';
import { GoalVelocityFrame } from './goal-velocity-frame';

describe('GoalVelocityFrame', () => {
  it('encodes the sync write of goal velocities, stuffing included', () => {
    const frame = new GoalVelocityFrame([1, 2]);
    frame.set(0, 150);
    frame.set(1, -3);
    const decoded = decodeSyncWrite(decodePacket(frame.encode()));
    expect(decoded.entries.map((entry) => Buffer.from(entry.data).readInt32LE())).toEqual([150, -3]);
    frame.release();
    const pattern = Buffer.from('00FFFFFD', 'hex').readInt32LE(); // little-endian bytes 00 FF FF FD
    frame.set(0, pattern);
    const stuffed = frame.encode();
    expect(toHex(stuffed)).toContain('00 FF FF FD FD 02');
    expect(decodeSyncWrite(decodePacket(stuffed)).entries.map((entry) => Buffer.from(entry.data).readInt32LE())).toEqual([pattern, -3]);
  });

  it('keeps two buffers: a third frame waits until the transport releases the oldest', () => {
    const frame = new GoalVelocityFrame([1]);
    const first = frame.encode();
    const second = frame.encode();
    expect(second.buffer === first.buffer && second.byteOffset === first.byteOffset).toBe(false);
    expect(frame.ready).toBe(false);
    frame.release();
    expect(frame.ready).toBe(true);
    expect(frame.encode().byteOffset).toBe(first.byteOffset);
  });

  it('reuses one view per frame length instead of allocating each tick', () => {
    const frame = new GoalVelocityFrame([1]);
    const a = frame.encode();
    frame.encode();
    frame.release();
    frame.release();
    expect(frame.encode()).toBe(a);
  });
});
