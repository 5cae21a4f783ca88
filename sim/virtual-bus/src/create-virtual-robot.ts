import { dynamixelMotors, type ByteTransport, type ReplyTamper } from '@tickswap/dynamixel';
import type { RobotDescription } from '@tickswap/robots';
import { SimulatedRobot } from './simulated-robot';
import { VirtualServos } from './virtual-servos';

/** What {@link createVirtualRobot} simulates. */
export interface VirtualRobotOptions {
  readonly robot: RobotDescription;
  /** Current time, s (see `VirtualServosOptions.clock`). */
  readonly clock: () => number;
  /** Fixed physics step, s (default 0.5 ms). */
  readonly step?: number;
  /** Every reply passes through it before it is sent (fault injection). */
  readonly tamper?: ReplyTamper;
}

/**
 * A described robot's servos on a byte transport: the ids, models and
 * Return Delay Time of its description, the motion of its
 * {@link SimulatedRobot} (servos and chassis, for the ground-truth pose).
 * Throws `DynamixelConfigError` naming the field of a model the driver does
 * not know.
 *
 * @example
 * const [host, device] = createMemoryLink();
 * let now = 0;
 * const servos = createVirtualRobot(device, { robot: loadRobotDescription(REFERENCE_ROBOT_PATH), clock: () => now });
 * servos.simulation.body.x; // where the robot is
 */
export function createVirtualRobot(transport: ByteTransport, options: VirtualRobotOptions): VirtualServos<SimulatedRobot> {
  const { robot } = options;
  return new VirtualServos(transport, {
    servos: dynamixelMotors(robot.motors),
    simulation: new SimulatedRobot(robot, options.step === undefined ? {} : { step: options.step }),
    clock: options.clock,
    returnDelayMicros: robot.serial?.returnDelayMicros,
    tamper: options.tamper,
  });
}
