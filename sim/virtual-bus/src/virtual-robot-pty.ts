import { openPtyPair, type ReplyTamper } from '@tickswap/dynamixel';
import type { RobotDescription } from '@tickswap/robots';
import { CorruptingTransport, type CorruptionOptions } from './corrupting-transport';
import { createVirtualRobot } from './create-virtual-robot';
import { serveVirtualServos } from './serve-virtual-servos';
import type { SimulatedRobot } from './simulated-robot';
import type { VirtualServos } from './virtual-servos';

/** What {@link openVirtualRobotPty} puts behind the pseudo-terminal. */
export interface VirtualRobotPtyOptions {
  readonly robot: RobotDescription;
  /** Fixed physics step, s (default 0.5 ms). */
  readonly step?: number;
  /** Every reply passes through it before it is sent. */
  readonly tamper?: ReplyTamper;
  /** Damage bytes both ways on the servos' end of the line (see {@link CorruptingTransport}). */
  readonly corruption?: CorruptionOptions;
}

/** A simulated robot behind a pseudo-terminal, for a controller to open like a real port. */
export interface VirtualRobotPty {
  /** The controller's end: open it like `/dev/ttyUSB0`. */
  readonly devicePath: string;
  readonly servos: VirtualServos<SimulatedRobot>;
  /** The noisy line, when `corruption` was asked for: what it damaged. */
  readonly corruption: CorruptingTransport | undefined;
  /** Kills socat: both ends lose the line, as when the adapter is pulled; the servos keep running on their own. */
  unplug(): Promise<void>;
  /** Stops the servos and kills socat. Never rejects. */
  close(): Promise<void>;
}

/**
 * Starts a `socat` pseudo-terminal pair, plays the described robot's servos
 * on one end in real time (see `serveVirtualServos`) and hands out the other
 * end's path, so the controller drives the simulated robot through the real
 * `serialport` stack. Rejects with `DynamixelPortError` when socat is missing.
 *
 * @example
 * const robot = await openVirtualRobotPty({ robot: loadRobotDescription(REFERENCE_ROBOT_PATH) });
 * const bus = await openDynamixelBus({ path: robot.devicePath, ...options });
 * await robot.close();
 */
export async function openVirtualRobotPty(options: VirtualRobotPtyOptions): Promise<VirtualRobotPty> {
  const pty = await openPtyPair();
  let corruption: CorruptingTransport | undefined;
  try {
    const served = await serveVirtualServos(pty.paths[0], (transport, clock) => {
      if (options.corruption !== undefined) corruption = new CorruptingTransport(transport, options.corruption);
      return createVirtualRobot(corruption ?? transport, { robot: options.robot, clock, step: options.step, tamper: options.tamper });
    });
    return {
      devicePath: pty.paths[1],
      servos: served.servos,
      corruption,
      unplug: () => pty.close(),
      close: async () => {
        await served.close();
        await pty.close();
      },
    };
  } catch (error) {
    await pty.close();
    throw error;
  }
}
