import { busFixture } from '../../test/bus-fixture';
import { settle } from '../../test/manual-deadline-timer';
import { XSeries } from '../control-table/x-series';
import { BusLostError } from '../errors';
import { decodeStatus } from '../protocol/status-packet';
import { decodePacket } from '../protocol/decode-packet';
import { encodeStatus } from '../protocol/status-packet';
import { encodePingReply } from '../instructions/ping';

async function running(...args: Parameters<typeof busFixture>) {
  const fixture = busFixture(...args);
  await fixture.bus.start();
  fixture.responder.table(1).set(XSeries.presentPosition, 100);
  fixture.responder.table(2).set(XSeries.presentPosition, 200);
  expect(await fixture.bus.read(fixture.readings)).toBe('ok');
  fixture.responder.table(1).set(XSeries.presentPosition, 1100);
  fixture.responder.table(2).set(XSeries.presentPosition, 1200);
  return fixture;
}

/** Reads once while the deadline passes after the replies that do come. */
async function readExpiring(fixture: Awaited<ReturnType<typeof running>>) {
  const outcome = fixture.bus.read(fixture.readings);
  await settle();
  fixture.timer.expire();
  return outcome;
}

describe('DynamixelBus faults', () => {
  it('counts a missing reply as a timeout; the silent motor holds its last reading, the other updates', async () => {
    const fixture = await running();
    const before = fixture.readings.position[1];
    fixture.tamper((reply, id) => (id === 2 ? null : reply));
    expect(await readExpiring(fixture)).toBe('fault');
    expect(fixture.readings.position[1]).toBe(before);
    expect(fixture.readings.position[0]).toBeCloseTo((1100 * 2 * Math.PI) / 4096, 12);
    expect(fixture.faults).toEqual([['timeout', 1]]);
    expect(fixture.bus.statistics()).toMatchObject({ timeouts: 1, faults: 1, consecutiveFaults: 1 });
  });

  it('counts a corrupt reply as a CRC fault, not a timeout', async () => {
    const fixture = await running();
    fixture.tamper((reply, id) => {
      if (id === 1) reply[12] = (reply[12] as number) ^ 0x10;
      return reply;
    });
    expect(await readExpiring(fixture)).toBe('fault');
    expect(fixture.faults).toEqual([['crc', 0]]);
    expect(fixture.bus.statistics().parser.crcErrors).toBe(1);
  });

  it('ends a read at once when the replies still missing all arrived damaged, without waiting for the deadline', async () => {
    const fixture = await running();
    fixture.tamper((reply) => {
      reply[12] = (reply[12] as number) ^ 0x01;
      return reply;
    });
    const outcome = fixture.bus.read(fixture.readings);
    await settle();
    expect(fixture.timer.armed).toBe(false);
    expect(await outcome).toBe('fault');
    expect(fixture.faults).toEqual([['crc', 0]]);
    expect(fixture.bus.statistics().parser.crcErrors).toBe(2);
  });

  it('counts an error-flagged reply as a status fault; a hardware alert alone is only counted', async () => {
    const fixture = await running();
    const flag = (error: number) => (reply: Buffer, id: number) =>
      id === 2 ? encodeStatus(2, error, decodeStatus(decodePacket(reply)).data) : reply;
    fixture.tamper(flag(0x01));
    expect(await fixture.bus.read(fixture.readings)).toBe('fault');
    expect(fixture.faults).toEqual([['status', 1]]);
    fixture.tamper(flag(0x80));
    expect(await fixture.bus.read(fixture.readings)).toBe('ok');
    expect(fixture.bus.statistics()).toMatchObject({ alerts: 1, statusFaults: 1, consecutiveFaults: 0 });
  });

  it('disowns a late reply of the wrong size instead of reading it as the answer', async () => {
    const setup = busFixture();
    // Ahead of each 4-byte settings reply, a stale Ping reply (3 bytes whose last would read as mode 46).
    setup.tamper((reply) => (decodeStatus(decodePacket(reply)).data.length === 4 ? Buffer.concat([encodePingReply(1, 1030, 46), reply]) : reply));
    await expect(setup.bus.start()).resolves.toBeUndefined();

    const fixture = await running();
    fixture.tamper((reply, id) => (id === 2 ? encodePingReply(2, 1030, 46) : reply));
    expect(await readExpiring(fixture)).toBe('fault');
    expect(fixture.faults).toEqual([['timeout', 1]]);
  });

  it('declares the bus lost after k consecutive faults: once, stopping the motors; then every transfer is a fault', async () => {
    const fixture = await running();
    fixture.tamper(() => null);
    for (let tick = 0; tick < 3; tick++) expect(await readExpiring(fixture)).toBe('fault');
    expect(fixture.lost).toHaveLength(1);
    expect(fixture.lost[0]).toBeInstanceOf(BusLostError);
    expect(fixture.lost[0]?.message).toMatch(/3 consecutive faulted transfers \(last: timeout of motor 1\)/);
    expect(fixture.bus.state).toBe('lost');
    await settle();
    expect(fixture.responder.table(1).get(XSeries.torqueEnable)).toBe(0);
    expect(await fixture.bus.read(fixture.readings)).toBe('fault');
    expect(fixture.bus.write(fixture.commands)).toBe('fault');
    expect(fixture.lost).toHaveLength(1);
    fixture.tamper(undefined);
    await fixture.bus.start();
    expect(await fixture.bus.read(fixture.readings)).toBe('ok');
  });

  it('declares the bus lost when nothing was sent for 90 % of the servos\' watchdog: they have stopped themselves', async () => {
    let now = 1000;
    const fixture = busFixture({ clock: () => now, watchdogMillis: 100 });
    await fixture.bus.start();
    now += 89;
    expect(await fixture.bus.read(fixture.readings)).toBe('ok');
    now += 89;
    expect(fixture.bus.write(fixture.commands)).toBe('ok');
    now += 91;
    expect(await fixture.bus.read(fixture.readings)).toBe('fault');
    expect(fixture.lost.map((error) => error.reason)).toEqual([
      "nothing was sent for 91 ms, longer than the servos' bus watchdog (100 ms) allows: they have stopped themselves",
    ]);
    expect(fixture.bus.state).toBe('lost');
    const unwatched = busFixture({ clock: () => now, watchdogMillis: 0 });
    await unwatched.bus.start();
    now += 10_000;
    expect(await unwatched.bus.read(unwatched.readings)).toBe('ok');
  });

  it('reports a port closed mid-read: the read resolves to a fault and the bus is lost, nothing throws', async () => {
    const fixture = await running();
    fixture.tamper(() => null);
    const outcome = fixture.bus.read(fixture.readings);
    fixture.host.sever(new Error('device disconnected'));
    expect(await outcome).toBe('fault');
    expect(fixture.lost.map((error) => error.reason)).toEqual(['the port closed (device disconnected)']);
    expect(fixture.bus.state).toBe('closed');
    expect(fixture.bus.write(fixture.commands)).toBe('fault');
    await expect(fixture.bus.start()).rejects.toThrow('DynamixelBus#start failed: the port is closed');
  });

  it('refuses transfers that would collide with one in progress, and any before start', async () => {
    const idle = busFixture();
    expect(await idle.bus.read(idle.readings)).toBe('fault');
    expect(idle.bus.write(idle.commands)).toBe('fault');
    const fixture = await running();
    const first = fixture.bus.read(fixture.readings);
    expect(await fixture.bus.read(fixture.readings)).toBe('fault');
    expect(fixture.bus.write(fixture.commands)).toBe('fault');
    expect(await first).toBe('ok');
    // Two sync writes may wait in the transport; a third means the port is not keeping up.
    expect([fixture.bus.write(fixture.commands), fixture.bus.write(fixture.commands), fixture.bus.write(fixture.commands)]).toEqual([
      'ok',
      'ok',
      'fault',
    ]);
    expect(idle.faults.map(([kind]) => kind)).toEqual(['not-running', 'not-running']);
    expect(fixture.faults.map(([kind]) => kind)).toEqual(['busy', 'busy', 'busy']);
  });
});
