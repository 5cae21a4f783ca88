import { XM430_W350 } from '@tickswap/dynamixel';
import { loadRobotDescription, parseRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { DEFAULT_SERIAL, serialBusOptions } from './serial-bus-options';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);

describe('serialBusOptions', () => {
  it('takes ids, models, limits and serial settings from the robot description', () => {
    expect(serialBusOptions(robot, '/dev/ttyUSB0', 1000)).toEqual({
      path: '/dev/ttyUSB0',
      motors: [
        { id: 1, model: XM430_W350 },
        { id: 2, model: XM430_W350 },
      ],
      baudRate: 1_000_000,
      maxVelocity: 4.5,
      returnDelayMicros: 0,
      watchdogMillis: 100,
      maxConsecutiveFaults: 50,
    });
  });

  it('lets --baud override the description, and a slow loop keep at least the bus default streak', () => {
    expect(serialBusOptions(robot, '/dev/ttyUSB0', 50, 57_600)).toMatchObject({ baudRate: 57_600, maxConsecutiveFaults: 5 });
  });

  it('clamps to the lowest motor limit, and falls back to the defaults without a serial section', () => {
    const { serial: _serial, ...simulated } = JSON.parse(JSON.stringify(robot));
    simulated.motors[1].limits.maxVelocity = 3;
    expect(serialBusOptions(parseRobotDescription(simulated), '/tmp/pty', 1000)).toMatchObject({ ...DEFAULT_SERIAL, maxVelocity: 3 });
  });

  it('names the field of a model the driver does not know', () => {
    const unknown = JSON.parse(JSON.stringify(robot));
    unknown.motors[1].model = 'AX-12A';
    expect(() => serialBusOptions(parseRobotDescription(unknown), '/dev/ttyUSB0', 1000)).toThrow(
      /^dynamixelMotors failed: motors\[1\]\.model 'AX-12A' is not a model this driver knows/,
    );
  });
});
