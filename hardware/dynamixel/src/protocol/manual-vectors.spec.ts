// Every packet below is printed in the ROBOTIS e-manual, Protocol 2.0 page
// (https://emanual.robotis.com/docs/en/dxl/protocol2/), source file
// docs/en/dxl/protocol2.md of github.com/ROBOTIS-GIT/emanual at commit
// 01179568a085cfc99bdad6e880e43fa871bd318a (sections Ping, Read, Write,
// Reboot, Sync Read, Sync Write, Bulk Read, Bulk Write).
import { hex, toHex } from '../../test/hex';
import { decodeBulkRead, encodeBulkRead } from '../instructions/bulk-read';
import { decodeBulkWrite, encodeBulkWrite } from '../instructions/bulk-write';
import { decodePing, decodePingReply, encodePing, encodePingReply } from '../instructions/ping';
import { decodeRead, encodeRead } from '../instructions/read';
import { decodeReboot, encodeReboot } from '../instructions/reboot';
import { decodeSyncRead, encodeSyncRead } from '../instructions/sync-read';
import { decodeSyncWrite, encodeSyncWrite } from '../instructions/sync-write';
import { decodeWrite, encodeWrite } from '../instructions/write';
import { decodePacket } from './decode-packet';
import { decodeStatus, encodeStatus } from './status-packet';

const MANUAL = {
  ping: 'FF FF FD 00 01 03 00 01 19 4E',
  pingBroadcast: 'FF FF FD 00 FE 03 00 01 31 42',
  pingReply1: 'FF FF FD 00 01 07 00 55 00 06 04 26 65 5D',
  pingReply2: 'FF FF FD 00 02 07 00 55 00 06 04 26 6F 6D',
  read: 'FF FF FD 00 01 07 00 02 84 00 04 00 1D 15',
  readReply: 'FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0',
  write: 'FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89',
  emptyReply: 'FF FF FD 00 01 04 00 55 00 A1 0C',
  reboot: 'FF FF FD 00 01 03 00 08 2F 4E',
  syncRead: 'FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA',
  syncReadReply2: 'FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE',
  syncWrite: 'FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87',
  bulkRead: 'FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05',
  bulkReadReply1: 'FF FF FD 00 01 06 00 55 00 77 00 C3 69',
  bulkReadReply2: 'FF FF FD 00 02 05 00 55 00 24 8B A9',
  bulkWrite: 'FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68',
};

const u32 = (value: number) => Uint8Array.of(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);

describe('the worked packets of the ROBOTIS Protocol 2.0 manual', () => {
  it.each([
    ['Ping id 1', encodePing(1), MANUAL.ping],
    ['Ping broadcast', encodePing(0xfe), MANUAL.pingBroadcast],
    ['Read id 1, Present Position', encodeRead(1, 132, 4), MANUAL.read],
    ['Write id 1, Goal Position 512', encodeWrite(1, 116, u32(512)), MANUAL.write],
    ['Reboot id 1', encodeReboot(1), MANUAL.reboot],
    ['Sync Read ids 1 and 2', encodeSyncRead(132, 4, [1, 2]), MANUAL.syncRead],
    [
      'Sync Write ids 1 and 2',
      encodeSyncWrite(116, 4, [
        { id: 1, data: u32(150) },
        { id: 2, data: u32(170) },
      ]),
      MANUAL.syncWrite,
    ],
    [
      'Bulk Read voltage of 1, temperature of 2',
      encodeBulkRead([
        { id: 1, address: 144, length: 2 },
        { id: 2, address: 146, length: 1 },
      ]),
      MANUAL.bulkRead,
    ],
    [
      'Bulk Write voltage limit of 1, temperature limit of 2',
      encodeBulkWrite([
        { id: 1, address: 32, data: Uint8Array.of(0xa0, 0x00) },
        { id: 2, address: 31, data: Uint8Array.of(0x50) },
      ]),
      MANUAL.bulkWrite,
    ],
    ['Ping reply of id 1 (XM430-W210, firmware 38)', encodePingReply(1, 1030, 38), MANUAL.pingReply1],
    ['Ping reply of id 2', encodePingReply(2, 1030, 38), MANUAL.pingReply2],
    ['Read reply: position 166', encodeStatus(1, 0, u32(166)), MANUAL.readReply],
    ['Sync Read reply of id 2: position 2079', encodeStatus(2, 0, u32(2079)), MANUAL.syncReadReply2],
    ['Bulk Read reply of id 1: 11.9 V', encodeStatus(1, 0, Uint8Array.of(0x77, 0x00)), MANUAL.bulkReadReply1],
    ['Bulk Read reply of id 2: 36 °C', encodeStatus(2, 0, Uint8Array.of(0x24)), MANUAL.bulkReadReply2],
    ['Write / Reboot reply', encodeStatus(1, 0), MANUAL.emptyReply],
  ])('encodes %s byte for byte', (_name, encoded, expected) => {
    expect(toHex(encoded)).toBe(expected);
  });

  it('decodes the instructions back to what they ask', () => {
    expect(decodePing(decodePacket(hex(MANUAL.ping)))).toEqual({ id: 1 });
    expect(decodeRead(decodePacket(hex(MANUAL.read)))).toEqual({ id: 1, address: 132, length: 4 });
    expect(decodeWrite(decodePacket(hex(MANUAL.write)))).toEqual({ id: 1, address: 116, data: u32(512) });
    expect(decodeReboot(decodePacket(hex(MANUAL.reboot)))).toEqual({ id: 1 });
    expect(decodeSyncRead(decodePacket(hex(MANUAL.syncRead)))).toEqual({ address: 132, length: 4, ids: [1, 2] });
    expect(decodeSyncWrite(decodePacket(hex(MANUAL.syncWrite)))).toEqual({
      address: 116,
      length: 4,
      entries: [
        { id: 1, data: u32(150) },
        { id: 2, data: u32(170) },
      ],
    });
    expect(decodeBulkRead(decodePacket(hex(MANUAL.bulkRead)))).toEqual([
      { id: 1, address: 144, length: 2 },
      { id: 2, address: 146, length: 1 },
    ]);
    expect(decodeBulkWrite(decodePacket(hex(MANUAL.bulkWrite)))).toEqual([
      { id: 1, address: 32, data: Uint8Array.of(0xa0, 0x00) },
      { id: 2, address: 31, data: Uint8Array.of(0x50) },
    ]);
  });

  it('decodes the replies back to their data', () => {
    expect(decodePingReply(decodePacket(hex(MANUAL.pingReply2)))).toEqual({ id: 2, error: 0, modelNumber: 1030, firmware: 38 });
    expect(decodeStatus(decodePacket(hex(MANUAL.readReply)), 4)).toEqual({ id: 1, error: 0, data: u32(166) });
    expect(decodeStatus(decodePacket(hex(MANUAL.syncReadReply2)), 4).data).toEqual(u32(2079));
    expect(decodeStatus(decodePacket(hex(MANUAL.emptyReply)), 0)).toEqual({ id: 1, error: 0, data: new Uint8Array(0) });
  });
});
