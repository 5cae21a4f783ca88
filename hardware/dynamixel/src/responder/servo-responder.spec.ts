import { collectingParser } from '../../test/collect-packets';
import { settle } from '../../test/manual-deadline-timer';
import { XM430_W210, XM430_W350 } from '../control-table/dynamixel-model';
import { XSeries } from '../control-table/x-series';
import { encodeBulkRead } from '../instructions/bulk-read';
import { encodeBulkWrite } from '../instructions/bulk-write';
import { decodePingReply, encodePing } from '../instructions/ping';
import { encodeRead } from '../instructions/read';
import { encodeReboot } from '../instructions/reboot';
import { encodeSyncRead } from '../instructions/sync-read';
import { encodeSyncWrite } from '../instructions/sync-write';
import { encodeWrite } from '../instructions/write';
import { encodePacket } from '../protocol/packet';
import { decodeStatus } from '../protocol/status-packet';
import { createMemoryLink } from '../transport/memory-transport';
import type { ServoDynamics } from './servo-dynamics';
import { ServoResponder, type ServoResponderOptions } from './servo-responder';

function setup(options?: ServoResponderOptions) {
  const [host, device] = createMemoryLink();
  const responder = new ServoResponder(
    device,
    [
      { id: 3, model: XM430_W350, firmware: 45 },
      { id: 1, model: XM430_W210 },
    ],
    options,
  );
  const { parser, packets } = collectingParser();
  host.listen({ data: (chunk) => parser.feed(chunk), closed: () => undefined });
  const exchange = async (frame: Uint8Array) => {
    packets.length = 0;
    host.write(frame, () => undefined);
    await settle();
    return [...packets];
  };
  const ask = async (frame: Uint8Array) => (await exchange(frame)).map((packet) => decodeStatus(packet));
  return { responder, exchange, ask };
}

describe('ServoResponder', () => {
  it('answers a broadcast ping from every servo, in id order', async () => {
    const { exchange } = setup();
    const replies = (await exchange(encodePing(0xfe))).map(decodePingReply);
    expect(replies).toEqual([
      { id: 1, error: 0, modelNumber: 1030, firmware: 46 },
      { id: 3, error: 0, modelNumber: 1020, firmware: 45 },
    ]);
  });

  it('applies the X-series write rules: EEPROM locked with torque on, goals locked after a watchdog trip', async () => {
    const { responder, ask } = setup();
    expect((await ask(encodeWrite(1, XSeries.torqueEnable.address, Uint8Array.of(1))))[0]?.error).toBe(0);
    expect((await ask(encodeWrite(1, XSeries.operatingMode.address, Uint8Array.of(3))))[0]?.error).toBe(7);
    responder.table(1).set(XSeries.busWatchdog, 0xff);
    expect((await ask(encodeWrite(1, XSeries.goalVelocity.address, Uint8Array.of(9, 0, 0, 0))))[0]?.error).toBe(4);
    expect((await ask(encodeWrite(1, XSeries.busWatchdog.address, Uint8Array.of(0))))[0]?.error).toBe(0);
    expect((await ask(encodeWrite(1, XSeries.goalVelocity.address, Uint8Array.of(9, 0, 0, 0))))[0]?.error).toBe(0);
    expect(responder.table(1).get(XSeries.presentVelocity)).toBe(9);
    expect((await ask(encodeReboot(1)))[0]?.error).toBe(0);
    expect(responder.table(1).get(XSeries.torqueEnable)).toBe(0);
    expect(responder.table(1).get(XSeries.presentVelocity)).toBe(0);
  });

  it('refuses writes to read-only entries (model, present values) with an access error, torque on or off', async () => {
    const { responder, ask } = setup();
    expect((await ask(encodeWrite(1, XSeries.modelNumber.address, Uint8Array.of(1, 2))))[0]?.error).toBe(7);
    expect((await ask(encodeWrite(1, XSeries.presentPosition.address, Uint8Array.of(1, 0, 0, 0))))[0]?.error).toBe(7);
    expect((await ask(encodeWrite(1, 118, Uint8Array.of(0, 0, 1, 0))))[0]?.error).toBe(7); // straddles Goal Position into Realtime Tick
    expect(responder.table(1).get(XSeries.modelNumber)).toBe(1030);
    expect(responder.table(1).get(XSeries.presentPosition)).toBe(0);
  });

  it('lets dynamics hear every addressed servo before an instruction runs, and act on every change after', async () => {
    const events: string[] = [];
    const dynamics: ServoDynamics = {
      heard: (id, table) => {
        events.push(`heard ${id}`);
        table.set(XSeries.presentPosition, 100 * id);
      },
      changed: (id, table) => events.push(`changed ${id} goal ${table.get(XSeries.goalVelocity)}`),
    };
    const { ask } = setup({ dynamics });
    const replies = await ask(encodeSyncRead(XSeries.presentPosition.address, 4, [3, 1]));
    expect(replies.map((reply) => Buffer.from(reply.data).readInt32LE(0))).toEqual([300, 100]);
    await ask(encodeSyncWrite(XSeries.goalVelocity.address, 4, [{ id: 1, data: Uint8Array.of(7, 0, 0, 0) }]));
    await ask(encodeWrite(3, XSeries.presentVelocity.address, Uint8Array.of(1, 0, 0, 0))); // refused: no change
    await ask(encodeReboot(0xfe));
    expect(events).toEqual([
      'heard 3',
      'heard 1',
      'heard 1',
      'changed 1 goal 7',
      'heard 3',
      'heard 1',
      'heard 3',
      'changed 1 goal 7',
      'changed 3 goal 0',
    ]);
  });

  it('drops a frame whose bytes stop coming for longer than frameTimeout, as a servo receiver does', async () => {
    let now = 0;
    const { exchange, responder } = setup({ frameTimeout: 0.001, clock: () => now });
    const ping = encodePing(1);
    // The first half of a ping, then silence, then a whole ping: only the whole one is answered.
    expect(await exchange(ping.subarray(0, 6))).toEqual([]);
    now = 0.002;
    expect((await exchange(ping)).map(decodePingReply)).toEqual([{ id: 1, error: 0, modelNumber: 1030, firmware: 46 }]);
    expect(responder.received).toMatchObject({ packets: 1, abandonedFrames: 1 });
    // Within the timeout the halves join up.
    now = 0.0025;
    await exchange(ping.subarray(0, 6));
    expect((await exchange(ping.subarray(6))).map(decodePingReply)).toHaveLength(1);
  });

  it('answers reads beyond the table with an access error and unknown instructions with an instruction error', async () => {
    const { ask } = setup();
    expect(await ask(encodeRead(3, 1020, 10))).toEqual([{ id: 3, error: 7, data: new Uint8Array(0) }]);
    expect((await ask(encodePacket(3, 0x10, Uint8Array.of(1))))[0]?.error).toBe(2);
    expect(await ask(encodeRead(9, 0, 2))).toEqual([]);
  });

  it('serves bulk writes and bulk reads', async () => {
    const { ask } = setup();
    await ask(encodeBulkWrite([{ id: 3, address: XSeries.goalCurrent.address, data: Uint8Array.of(0x34, 0x12) }]));
    const replies = await ask(
      encodeBulkRead([
        { id: 3, address: XSeries.goalCurrent.address, length: 2 },
        { id: 1, address: XSeries.modelNumber.address, length: 2 },
      ]),
    );
    expect(replies.map((reply) => Array.from(reply.data))).toEqual([
      [0x34, 0x12],
      [0x06, 0x04],
    ]);
  });
});

describe('MemoryTransport', () => {
  it('closes both ends once, and fails writes after', async () => {
    const [a, b] = createMemoryLink();
    const closed: (Error | undefined)[] = [];
    a.listen({ data: () => undefined, closed: (error) => closed.push(error) });
    b.listen({ data: () => undefined, closed: (error) => closed.push(error) });
    const unplugged = new Error('unplugged');
    b.sever(unplugged);
    await a.close();
    expect(closed).toEqual([unplugged, unplugged]);
    const failure = await new Promise((resolve) => a.write(Uint8Array.of(1), resolve));
    expect(failure).toMatchObject({ name: 'DynamixelPortError', message: 'MemoryTransport#write failed: the link is closed' });
  });
});
