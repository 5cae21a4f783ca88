import { SerialPortTransport } from '../transport/serial-port-transport';
import { DynamixelBus } from './dynamixel-bus';
import type { DynamixelBusOptions } from './dynamixel-bus-options';

/** {@link DynamixelBusOptions} with a device path in place of a transport. */
export interface OpenDynamixelBusOptions extends Omit<DynamixelBusOptions, 'transport'> {
  /** Serial device: `/dev/ttyUSB0`, `/dev/serial/by-id/usb-FTDI_...`, a pty. Opened at `baudRate`. */
  readonly path: string;
}

/**
 * Opens the serial device and returns a bus on it (not started). Rejects with
 * `DynamixelPortError` when the device cannot be opened; `close()` releases it.
 *
 * @example
 * const bus = await openDynamixelBus({ path: '/dev/ttyUSB0', baudRate: 1_000_000, maxVelocity: 4, motors: [{ id: 1, model: XM430_W210 }, { id: 2, model: XM430_W210 }] });
 * await bus.start();
 */
export async function openDynamixelBus(options: OpenDynamixelBusOptions): Promise<DynamixelBus> {
  const { path, ...rest } = options;
  const transport = await SerialPortTransport.open({ path, baudRate: options.baudRate });
  return new DynamixelBus({ ...rest, transport });
}
