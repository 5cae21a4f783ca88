import { SerialPort } from 'serialport';
import { SerialPortListError } from '../errors';

/** What `SerialPort.list()` reports of one port. */
export type SerialPortInfo = Awaited<ReturnType<typeof SerialPort.list>>[number];

/**
 * Lists serial ports. On Linux `serialport` asks `udevadm`, which a machine
 * without the udev package lacks (`spawn udevadm ENOENT`): that becomes a
 * {@link SerialPortListError} saying what to install, or to pass the path.
 *
 * @example
 * for (const port of await listSerialPorts()) console.log(port.path, port.manufacturer);
 */
export async function listSerialPorts(list: () => Promise<SerialPortInfo[]> = () => SerialPort.list()): Promise<SerialPortInfo[]> {
  try {
    return await list();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /udevadm/.test(message)
      ? 'udevadm is missing; install udev (apt-get install udev) or give the device path (/dev/ttyUSB0, /dev/serial/by-id/...) directly'
      : 'give the device path (/dev/ttyUSB0, /dev/serial/by-id/...) directly';
    throw new SerialPortListError(`listSerialPorts failed: ${message}; ${hint}`);
  }
}
