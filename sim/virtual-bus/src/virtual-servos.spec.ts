import {
  createMemoryLink,
  decodePingReply,
  decodeStatus,
  encodeBulkRead,
  encodeBulkWrite,
  encodePing,
  encodeRead,
  encodeReboot,
  encodeSyncRead,
  encodeSyncWrite,
  encodeWrite,
  PacketParser,
  radiansPerSecondFromVelocity,
  toPacket,
  velocityFromRadiansPerSecond,
  XSeries,
  type Packet,
} from '@tickswap/dynamixel';
import { settle } from '../test/turn-deadline-timer';
import { robot, virtualRobotFixture } from '../test/virtual-robot-fixture';
import { createVirtualRobot } from './create-virtual-robot';
import { SimulatedRobot } from './simulated-robot';

const [LEFT, RIGHT] = [1, 2];
const quantized = (radiansPerSecond: number) => radiansPerSecondFromVelocity(velocityFromRadiansPerSecond(radiansPerSecond));
const int32 = (bytes: Uint8Array) => Buffer.from(bytes).readInt32LE(0);

/** The virtual robot behind a raw host end: frames in, decoded status packets out. */
function rawFixture() {
  const [host, device] = createMemoryLink();
  let now = 0;
  const servos = createVirtualRobot(device, { robot, clock: () => now });
  const packets: Packet[] = [];
  const parser = new PacketParser((view) => packets.push(toPacket(view)));
  host.listen({ data: (chunk) => parser.feed(chunk), closed: () => undefined });
  return {
    servos,
    at: (seconds: number) => (now = seconds),
    async ask(frame: Uint8Array) {
      packets.length = 0;
      host.write(frame, () => undefined);
      await settle();
      return packets.map((packet) => decodeStatus(packet));
    },
  };
}

/** The reference robot alone, driven with the same goals from the same times: what the servos must report. */
function reference(goals: readonly (readonly [time: number, left: number, right: number])[], until: number): SimulatedRobot {
  const sim = new SimulatedRobot(robot);
  sim.servos.torqueEnabled.fill(1);
  for (const [time, left, right] of goals) {
    sim.advanceTo(time);
    sim.servos.goal.set([left, right]);
  }
  sim.advanceTo(until);
  return sim;
}

describe('VirtualServos under the DynamixelBus (in memory, virtual time)', () => {
  it('start like real servos: pinged, model and mode checked, watchdog armed, torque on in the physics', async () => {
    const { bus, servos } = virtualRobotFixture({ bus: { returnDelayMicros: 0 } });
    await bus.start();
    for (const id of [LEFT, RIGHT]) {
      expect(servos.table(id).get(XSeries.torqueEnable)).toBe(1);
      expect(servos.table(id).get(XSeries.busWatchdog)).toBe(5);
    }
    expect(Array.from(servos.simulation.servos.torqueEnabled)).toEqual([1, 1]);
    expect(servos.responder.instructions).toBeGreaterThanOrEqual(2 * 5);
  });

  it('report what the physics does, in register units, from the goals they were sent', async () => {
    const { bus, servos, readings, send, readAt } = virtualRobotFixture();
    await bus.start();
    await send(2, -2);
    expect(await readAt(0.08)).toBe('ok');
    await send(1, -3);
    expect(await readAt(0.15)).toBe('ok');

    const expected = reference([[0, quantized(2), quantized(-2)], [0.08, quantized(1), quantized(-3)]], 0.15);
    for (const index of [0, 1]) {
      expect(Math.abs((readings.position[index] as number) - (expected.servos.position[index] as number))).toBeLessThanOrEqual(Math.PI / 4096);
      expect(Math.abs((readings.velocity[index] as number) - (expected.servos.velocity[index] as number))).toBeLessThanOrEqual(radiansPerSecondFromVelocity(0.5));
    }
    expect(readings.current[0]).toBeGreaterThan(0);
    expect(servos.simulation.body.x).toBe(expected.body.x);
    expect(servos.simulation.body.x).toBeGreaterThan(0);
  });

  it('stop a servo whose bus watchdog expires at that simulated time; the bus sees the silence and gives up', async () => {
    const { bus, servos, send, readAt } = virtualRobotFixture();
    await bus.start();
    await send(3, -3);
    await readAt(0.05);
    // The controller stalls: nothing more until 0.5 s.
    expect(await readAt(0.5)).toBe('fault');
    expect(bus.state).toBe('lost');
    expect(bus.lostError?.reason).toMatch(/^nothing was sent for 450 ms, longer than the servos' bus watchdog \(100 ms\) allows/);
    servos.advance();
    for (const index of [0, 1]) expect(servos.watchdogs.trippedAt[index]).toBeCloseTo(0.05 + 0.1, 12);
    const expected = reference([[0, quantized(3), quantized(-3)], [0.15, 0, 0]], 0.5);
    expect(servos.simulation.servos.velocity[0]).toBe(expected.servos.velocity[0]);
    expect(Array.from(servos.simulation.servos.goal)).toEqual([0, 0]);
    expect(servos.table(LEFT).write(XSeries.goalVelocity.address, Uint8Array.of(1, 0, 0, 0))).toBe(4);

    await bus.start(); // clears the trip, zeroes the goals, re-arms
    await send(3, -3);
    expect(servos.simulation.servos.goal[0]).toBe(quantized(3));
  });

  it('trip without any traffic when advanced by their clock alone (the quiet bus of a dead controller)', async () => {
    const { bus, servos, send, at } = virtualRobotFixture();
    await bus.start();
    await send(3, -3);
    const heard = servos.watchdogs.lastHeard[0] as number;
    at(heard + 0.099);
    servos.advance();
    expect(servos.watchdogs.trips).toBe(0);
    at(heard + 0.3);
    servos.advance();
    expect(servos.watchdogs.trips).toBe(2);
    expect(servos.watchdogs.trippedAt[0]).toBeCloseTo(heard + 0.1, 12);
    expect(Array.from(servos.simulation.servos.goal)).toEqual([0, 0]);
    expect(Array.from(servos.simulation.servos.torqueEnabled)).toEqual([1, 1]); // stopped, not limp: as an X-series does
  });
});

describe('VirtualServos instruction by instruction', () => {
  it('answer Ping, Read, Write, Sync Write, Sync Read, Bulk Write, Bulk Read and Reboot', async () => {
    const { servos, ask, at } = rawFixture();
    expect((await ask(encodePing(0xfe))).map((reply) => decodePingReply({ id: reply.id, instruction: 0x55, params: Uint8Array.of(reply.error, ...reply.data) }))).toEqual([
      { id: 1, error: 0, modelNumber: 1020, firmware: 46 },
      { id: 2, error: 0, modelNumber: 1020, firmware: 46 },
    ]);
    expect(await ask(encodeRead(RIGHT, XSeries.modelNumber.address, 2))).toEqual([{ id: RIGHT, error: 0, data: Uint8Array.of(0xfc, 0x03) }]);
    expect((await ask(encodeWrite(LEFT, XSeries.torqueEnable.address, Uint8Array.of(1))))[0]?.error).toBe(0);
    expect((await ask(encodeWrite(RIGHT, XSeries.torqueEnable.address, Uint8Array.of(1))))[0]?.error).toBe(0);
    expect(await ask(encodeSyncWrite(XSeries.goalVelocity.address, 4, [{ id: LEFT, data: Uint8Array.of(100, 0, 0, 0) }]))).toEqual([]);
    expect(servos.simulation.servos.goal[0]).toBe(radiansPerSecondFromVelocity(100));

    at(0.5);
    const velocities = await ask(encodeSyncRead(XSeries.presentVelocity.address, 4, [RIGHT, LEFT]));
    expect(velocities.map((reply) => reply.id)).toEqual([RIGHT, LEFT]);
    expect(int32(velocities[1]?.data as Uint8Array)).toBe(velocityFromRadiansPerSecond(servos.simulation.servos.velocity[0] as number));
    expect(int32(velocities[1]?.data as Uint8Array)).toBeGreaterThan(90);

    await ask(encodeBulkWrite([{ id: RIGHT, address: XSeries.goalVelocity.address, data: Uint8Array.of(0x9c, 0xff, 0xff, 0xff) }]));
    expect(servos.simulation.servos.goal[1]).toBe(radiansPerSecondFromVelocity(-100));
    at(1);
    const bulk = await ask(
      encodeBulkRead([
        { id: LEFT, address: XSeries.presentPosition.address, length: 4 },
        { id: RIGHT, address: XSeries.operatingMode.address, length: 1 },
      ]),
    );
    expect(int32(bulk[0]?.data as Uint8Array)).toBe(Math.round((servos.simulation.servos.position[0] as number) / ((2 * Math.PI) / 4096)));
    expect(bulk[1]?.data).toEqual(Uint8Array.of(1));

    expect(await ask(encodeReboot(LEFT))).toEqual([{ id: LEFT, error: 0, data: new Uint8Array(0) }]);
    expect(Array.from(servos.simulation.servos.torqueEnabled)).toEqual([0, 1]);
  });

  it('trip at the due time even when the next instruction comes long after, and then refuse goals', async () => {
    const { servos, ask, at } = rawFixture();
    await ask(encodeWrite(LEFT, XSeries.torqueEnable.address, Uint8Array.of(1)));
    await ask(encodeWrite(LEFT, XSeries.goalVelocity.address, Uint8Array.of(100, 0, 0, 0)));
    await ask(encodeWrite(LEFT, XSeries.busWatchdog.address, Uint8Array.of(5)));
    at(0.5);
    const [reply] = await ask(encodeRead(LEFT, XSeries.presentVelocity.address, 4));
    expect(servos.watchdogs.trippedAt[0]).toBeCloseTo(0.1, 12);
    const expected = reference([[0, radiansPerSecondFromVelocity(100), 0], [0.1, 0, 0]], 0.5);
    expect(int32(reply?.data as Uint8Array)).toBe(velocityFromRadiansPerSecond(expected.servos.velocity[0] as number));
    expect((await ask(encodeRead(LEFT, XSeries.busWatchdog.address, 1)))[0]?.data).toEqual(Uint8Array.of(0xff));
    expect((await ask(encodeWrite(LEFT, XSeries.goalVelocity.address, Uint8Array.of(50, 0, 0, 0))))[0]?.error).toBe(4);
    expect((await ask(encodeWrite(LEFT, XSeries.busWatchdog.address, Uint8Array.of(0))))[0]?.error).toBe(0);
    expect((await ask(encodeWrite(LEFT, XSeries.goalVelocity.address, Uint8Array.of(50, 0, 0, 0))))[0]?.error).toBe(0);
    expect(servos.simulation.servos.goal[0]).toBe(radiansPerSecondFromVelocity(50));
  });

  it('keep the EEPROM locked while torque is on, and hold still outside velocity mode', async () => {
    const { servos, ask } = rawFixture();
    await ask(encodeWrite(LEFT, XSeries.goalVelocity.address, Uint8Array.of(100, 0, 0, 0)));
    await ask(encodeWrite(LEFT, XSeries.torqueEnable.address, Uint8Array.of(1)));
    expect((await ask(encodeWrite(LEFT, XSeries.operatingMode.address, Uint8Array.of(3))))[0]?.error).toBe(7);
    expect(servos.simulation.servos.goal[0]).toBe(radiansPerSecondFromVelocity(100));
    await ask(encodeWrite(LEFT, XSeries.torqueEnable.address, Uint8Array.of(0)));
    expect((await ask(encodeWrite(LEFT, XSeries.operatingMode.address, Uint8Array.of(3))))[0]?.error).toBe(0);
    await ask(encodeWrite(LEFT, XSeries.torqueEnable.address, Uint8Array.of(1)));
    expect(servos.simulation.servos.torqueEnabled[0]).toBe(1);
    expect(servos.simulation.servos.goal[0]).toBe(0);
    expect((await ask(encodeWrite(LEFT, XSeries.presentPosition.address, Uint8Array.of(1, 0, 0, 0))))[0]?.error).toBe(7);
  });
});
