import { createMemoryLink, DynamixelBus, dynamixelMotors, type ByteTransport, type DynamixelBusOptions } from '@tickswap/dynamixel';
import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { createVirtualRobot } from '../src/create-virtual-robot';
import { settle, TurnDeadlineTimer } from './turn-deadline-timer';

export const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);

/**
 * The reference robot's virtual servos on the device end of an in-memory
 * link, on a clock the test sets (`at(seconds)`), and a DynamixelBus on the
 * host end, on the same clock, whose deadlines pass after a few event-loop turns.
 */
export function virtualRobotFixture(options: { wrap?: (device: ByteTransport) => ByteTransport; bus?: Partial<DynamixelBusOptions> } = {}) {
  const [host, device] = createMemoryLink();
  let now = 10;
  const servos = createVirtualRobot(options.wrap?.(device) ?? device, { robot, clock: () => now });
  const bus = new DynamixelBus({
    transport: host,
    motors: dynamixelMotors(robot.motors),
    baudRate: 1_000_000,
    maxVelocity: 4.5,
    timer: new TurnDeadlineTimer(),
    clock: () => now * 1000,
    ...options.bus,
  });
  const readings = createMotorReadings(2);
  const commands = createMotorCommands(2);
  const at = (seconds: number): void => {
    now = 10 + seconds;
  };
  return {
    host,
    servos,
    bus,
    readings,
    commands,
    /** Sets the clock to `seconds` after the servos were created. */
    at,
    /** Writes goals (rad/s) and lets them reach the servos. */
    async send(left: number, right: number) {
      commands.velocity.set([left, right]);
      bus.write(commands);
      await settle();
    },
    /** Sets the clock to `seconds`, then reads every motor into `readings`. */
    readAt(seconds: number) {
      at(seconds);
      return bus.read(readings);
    },
  };
}
