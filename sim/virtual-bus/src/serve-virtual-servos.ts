import { SerialPortTransport, type ByteTransport } from '@tickswap/dynamixel';
import type { ServoSimulation } from './servo-simulation';
import type { VirtualServos } from './virtual-servos';

/** Virtual servos answering on a serial device in real time. */
export interface ServedServos<S extends ServoSimulation> {
  readonly servos: VirtualServos<S>;
  /** Stops the servos' clock and closes their port. Never rejects. */
  close(): Promise<void>;
}

/** Real time, s: what the physics follows on a serial device. */
const REAL_TIME = (): number => performance.now() / 1000;
/** How often the physics and the bus watchdogs advance while the bus is quiet, ms. */
const QUIET_ADVANCE_MILLIS = 5;

/**
 * Opens the serial device `path` (one end of a pty pair, or a real port
 * looped to a controller) and plays the servos that `build` makes on it, on
 * real time (`performance.now()`): the physics advances on every instruction
 * and every 5 ms between, so the bus watchdog stops the servos when the
 * controller goes quiet or its cable is pulled. Rejects with
 * `DynamixelPortError` when the device cannot be opened.
 *
 * @example
 * const served = await serveVirtualServos(pty.paths[0], (transport, clock) => createVirtualRobot(transport, { robot, clock }));
 * await served.close();
 */
export async function serveVirtualServos<S extends ServoSimulation>(
  path: string,
  build: (transport: ByteTransport, clock: () => number) => VirtualServos<S>,
  baudRate = 1_000_000,
): Promise<ServedServos<S>> {
  const transport = await SerialPortTransport.open({ path, baudRate });
  let servos: VirtualServos<S>;
  try {
    servos = build(transport, REAL_TIME);
  } catch (error) {
    await transport.close();
    throw error;
  }
  const timer = setInterval(() => servos.advance(), QUIET_ADVANCE_MILLIS);
  return {
    servos,
    close: async () => {
      clearInterval(timer);
      await transport.close();
    },
  };
}
