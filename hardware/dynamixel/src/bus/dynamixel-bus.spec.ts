import { XSeries } from '../control-table/x-series';
import { radiansPerSecondFromVelocity, velocityFromRadiansPerSecond } from '../control-table/units';
import { DynamixelMotorMismatchError, DynamixelTimeoutError } from '../errors';
import { busFixture } from '../../test/bus-fixture';
import { settle } from '../../test/manual-deadline-timer';
import { XM430_W210, XM430_W350 } from '../control-table/dynamixel-model';

describe('DynamixelBus over an in-memory link', () => {
  it('starts: checks each motor, clears a tripped watchdog, zeroes goals, enables torque, arms the watchdog', async () => {
    const { bus, responder } = busFixture({ watchdogMillis: 100 });
    responder.table(2).set(XSeries.busWatchdog, 0xff);
    responder.table(2).set(XSeries.goalVelocity, 300);
    await bus.start();
    for (const id of [1, 2]) {
      expect(responder.table(id).get(XSeries.torqueEnable)).toBe(1);
      expect(responder.table(id).get(XSeries.busWatchdog)).toBe(5);
      expect(responder.table(id).get(XSeries.goalVelocity)).toBe(0);
    }
    expect(bus.state).toBe('running');
  });

  it('reads present state in SI units and writes goal velocities, one sync read and one sync write a tick', async () => {
    const { bus, responder, readings, commands } = busFixture({}, undefined, { chunkSize: 3 });
    await bus.start();
    responder.table(1).set(XSeries.presentPosition, 2048);
    responder.table(2).set(XSeries.presentPosition, -1024);
    responder.table(2).set(XSeries.presentCurrent, -100);
    commands.velocity.set([Math.PI, -1]);
    expect(bus.write(commands)).toBe('ok');
    await settle();
    expect(responder.table(1).get(XSeries.goalVelocity)).toBe(131);
    expect(await bus.read(readings)).toBe('ok');
    expect(readings.position[0]).toBeCloseTo(Math.PI, 12);
    expect(readings.position[1]).toBeCloseTo(-Math.PI / 2, 12);
    expect(readings.velocity[0]).toBeCloseTo(radiansPerSecondFromVelocity(131), 12);
    expect(readings.velocity[1]).toBeCloseTo(radiansPerSecondFromVelocity(velocityFromRadiansPerSecond(-1)), 12);
    expect(readings.current[1]).toBeCloseTo(-0.269, 9);
    expect(bus.statistics()).toMatchObject({ transfers: 2, reads: 1, writes: 1, faults: 0 });
  });

  it('clamps goals beyond maxVelocity and NaN, and counts them', async () => {
    const { bus, responder, commands } = busFixture({ maxVelocity: 2 });
    await bus.start();
    commands.velocity.set([100, Number.NaN]);
    bus.write(commands);
    await settle();
    expect(responder.table(1).get(XSeries.goalVelocity)).toBe(velocityFromRadiansPerSecond(2));
    expect(responder.table(2).get(XSeries.goalVelocity)).toBe(0);
    expect(bus.statistics().clampedCommands).toBe(2);
  });

  it('refuses to start a motor of another model or mode, naming it, and leaves torque off', async () => {
    const wrongModel = busFixture({}, [
      { id: 1, model: XM430_W210 },
      { id: 2, model: XM430_W350 },
    ]);
    await expect(wrongModel.bus.start()).rejects.toThrow(
      new DynamixelMotorMismatchError('DynamixelBus#start', 2, 'is model 1020, expected 1030 (XM430-W210); fix the motor list or the id'),
    );
    const wrongMode = busFixture({}, [
      { id: 1, model: XM430_W210 },
      { id: 2, model: XM430_W210, operatingMode: 3 },
    ]);
    await expect(wrongMode.bus.start()).rejects.toThrow(/motor 2 is in operating mode 3 \(position\), expected 1 \(velocity\)/);
    expect(wrongMode.bus.state).toBe('idle');
  });

  it('refuses to start a motor whose Return Delay Time is not the one expected, naming it', async () => {
    const servos = [
      { id: 1, model: XM430_W210 },
      { id: 2, model: XM430_W210, returnDelayTime: 250 },
    ];
    const unchecked = busFixture({}, servos);
    await expect(unchecked.bus.start()).resolves.toBeUndefined();
    const checked = busFixture({ returnDelayMicros: 0 }, servos);
    await expect(checked.bus.start()).rejects.toThrow(
      new DynamixelMotorMismatchError(
        'DynamixelBus#start',
        2,
        'has Return Delay Time 500 µs, expected 0 µs; set Return Delay Time (9) to 0 with torque off (DYNAMIXEL Wizard), or fix the expected value',
      ),
    );
  });

  it('rejects start with a timeout naming the motor that does not answer, and sends torque off to the rest', async () => {
    const { bus, timer, responder } = busFixture({}, [{ id: 1, model: XM430_W210 }]);
    responder.table(1).set(XSeries.torqueEnable, 1);
    const starting = bus.start();
    for (let attempt = 0; attempt < 3; attempt++) {
      await settle();
      timer.expire();
    }
    await expect(starting).rejects.toThrow(DynamixelTimeoutError);
    await expect(starting).rejects.toThrow(/motor 2 did not answer within \d+\.\d ms at 1 Mbaud; check wiring, baud and id/);
    expect(responder.table(1).get(XSeries.torqueEnable)).toBe(0);
  });

  it('sends a setup request again when its reply is lost, so one late reply does not abort a start', async () => {
    const { bus, timer, tamper } = busFixture();
    let dropped = 0;
    tamper((reply, id) => (id === 2 && dropped++ === 0 ? null : reply));
    const starting = bus.start();
    await settle();
    timer.expire();
    await expect(starting).resolves.toBeUndefined();
    expect(dropped).toBeGreaterThan(1);
  });

  it('stops: zero velocity then torque off, and never rejects, even with the port gone', async () => {
    const { bus, responder, host, commands } = busFixture();
    await bus.start();
    commands.velocity.set([1, 1]);
    bus.write(commands);
    await bus.stop();
    expect(responder.table(1).get(XSeries.goalVelocity)).toBe(0);
    expect(responder.table(2).get(XSeries.torqueEnable)).toBe(0);
    expect(bus.state).toBe('stopped');
    host.sever(new Error('unplugged'));
    await expect(bus.stop()).resolves.toBeUndefined();
    await expect(bus.close()).resolves.toBeUndefined();
    expect(bus.state).toBe('closed');
  });
});
