import { BusLostError } from '@tickswap/dynamixel';
import { createMotorCommands } from '@tickswap/motor-bus';
import { loadRobotDescription, parseRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { SimulatedBus } from '@tickswap/virtual-bus';
import { VirtualTimeScheduler } from 'rxjs';
import { ControllerUsageError } from './controller-args';
import { openMotorBus, stopOnBusLost } from './motor-bus-choice';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const args = { device: undefined, baudRate: undefined, replyMarginMicros: undefined, rateHz: 1000 };

describe('openMotorBus', () => {
  it('gives the in-memory simulation on the loop clock for --bus sim, with its ground truth', async () => {
    const scheduler = new VirtualTimeScheduler();
    const choice = await openMotorBus({ ...args, bus: 'sim' }, robot, scheduler);
    expect(choice.bus).toBeInstanceOf(SimulatedBus);
    expect(choice.label).toBe('simulated');
    expect(choice.groundTruth).toBe((choice.bus as SimulatedBus).pose());
    expect(choice.virtualRobot).toBeUndefined();
    await expect(choice.close()).resolves.toBeUndefined();
  });

  it('counts and clamps commands beyond the robot limits on the simulated bus', async () => {
    const choice = await openMotorBus({ ...args, bus: 'sim' }, robot, new VirtualTimeScheduler());
    const commands = createMotorCommands(2);
    commands.velocity.set([100, -100]);
    await choice.bus.start();
    choice.bus.write(commands);
    expect(choice.bus.statistics().clampedCommands).toBe(2);
  });

  it('refuses --bus serial without any device, saying where to give one', async () => {
    const { serial: _serial, ...simulated } = JSON.parse(JSON.stringify(robot));
    const failing = openMotorBus({ ...args, bus: 'serial' }, parseRobotDescription(simulated), new VirtualTimeScheduler());
    await expect(failing).rejects.toThrow(ControllerUsageError);
    await expect(failing).rejects.toThrow(
      'openMotorBus failed: --bus serial needs a device; give --device /dev/ttyUSB0 or add a serial section to the robot description of reference-diff-drive',
    );
  });

  it('fails to open a device that is not there with a DynamixelPortError naming it', async () => {
    const failing = openMotorBus({ ...args, bus: 'serial', device: '/dev/tickswap-no-such-port' }, robot, new VirtualTimeScheduler());
    await expect(failing).rejects.toMatchObject({ name: 'DynamixelPortError', message: expect.stringContaining('/dev/tickswap-no-such-port') });
  });
});

describe('stopOnBusLost', () => {
  it('reports why and stops the controller once the bus is lost', async () => {
    let lose: (error: BusLostError) => void = () => undefined;
    const lost = new Promise<BusLostError>((resolve) => (lose = resolve));
    const stop = jest.fn(() => Promise.resolve());
    const reports: string[] = [];
    stopOnBusLost({ lost }, { stop }, (message) => reports.push(message));
    expect(stop).not.toHaveBeenCalled();
    lose(new BusLostError('the port closed', 0));
    await lost;
    await Promise.resolve();
    expect(reports).toEqual([expect.stringMatching(/^bus lost: DynamixelBus lost the bus: the port closed; /)]);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
