import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { createSimulatedBus, type SimulatedBus } from './simulated-bus';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const TAU = robot.motors[0]?.dynamics.timeConstant as number;

function setup(start = 100): { bus: SimulatedBus; at: (t: number) => void } {
  let now = start;
  const bus = createSimulatedBus({ robot, clock: () => now });
  return { bus, at: (t) => (now = start + t) };
}

function goals(left: number, right: number) {
  const commands = createMotorCommands(2);
  commands.velocity.set([left, right]);
  return commands;
}

describe('SimulatedBus', () => {
  it('advances the motors to the clock on every read, from the time it was created', async () => {
    const { bus, at } = setup();
    const readings = createMotorReadings(2);
    await bus.start();
    expect(bus.write(goals(2, -2))).toBe('ok');
    at(0.2);
    expect(bus.read(readings)).toBe('ok');
    expect(readings.velocity[0]).toBeCloseTo(2 * (1 - Math.exp(-0.2 / TAU)), 9);
    expect(readings.velocity[1]).toBeCloseTo(-(readings.velocity[0] as number), 12);
    expect(readings.current[0]).toBeGreaterThan(0);
    expect(bus.pose().x).toBeCloseTo(robot.wheelRadius * (readings.position[0] as number), 12);
    expect(bus.statistics()).toEqual({ transfers: 2, faults: 0, clampedCommands: 0 });
  });

  it('keeps the motors still before start and lets them coast to rest after stop', async () => {
    const { bus, at } = setup();
    const readings = createMotorReadings(2);
    bus.write(goals(2, -2));
    at(0.5);
    bus.read(readings);
    expect(Array.from(readings.position)).toEqual([0, 0]);
    await bus.start();
    at(1.5);
    bus.read(readings);
    expect(readings.velocity[0]).toBeCloseTo(2, 6);
    await bus.stop();
    at(3);
    bus.read(readings);
    expect(Array.from(readings.velocity)).toEqual([0, 0]);
    expect(Array.from(readings.current)).toEqual([0, 0]);
  });

  it('clamps goals to each motor limit, NaN to 0, and counts every clamped command', async () => {
    const { bus, at } = setup();
    const readings = createMotorReadings(2);
    const max = robot.motors[0]?.limits.maxVelocity as number;
    await bus.start();
    bus.write(goals(100, Number.NaN));
    at(1);
    bus.read(readings);
    expect(readings.velocity[0]).toBeCloseTo(max, 6);
    expect(readings.velocity[1]).toBe(0);
    bus.write(goals(-max, max));
    expect(bus.statistics().clampedCommands).toBe(2);
  });

  it('fails injected transfers, leaving readings and goals as they were', async () => {
    const { bus, at } = setup();
    const readings = createMotorReadings(2);
    await bus.start();
    bus.injectFault('write');
    expect(bus.write(goals(2, -2))).toBe('fault');
    bus.injectFault('read', 2);
    readings.position.fill(7);
    at(1);
    expect([bus.read(readings), bus.read(readings)]).toEqual(['fault', 'fault']);
    expect(Array.from(readings.position)).toEqual([7, 7]);
    expect(bus.read(readings)).toBe('ok');
    expect(Array.from(readings.position)).toEqual([0, 0]); // the failed write set no goal
    expect(bus.statistics()).toEqual({ transfers: 1, faults: 3, clampedCommands: 0 });
  });

  it('fails a transfer whose buffers do not match its motor count', () => {
    const { bus } = setup();
    expect(bus.read(createMotorReadings(3))).toBe('fault');
    expect(bus.write(createMotorCommands(1))).toBe('fault');
    expect(bus.statistics().faults).toBe(2);
  });
});
