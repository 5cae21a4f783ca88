// Typed failures of the bus and its port. Each message names the method, says
// what went wrong and what to do; fields carry the same facts for code.

/**
 * `bitsPerSecond` the way people say it: `1 Mbaud`, `57.6 kbaud`.
 *
 * @example
 * formatBaud(1_000_000); // '1 Mbaud'
 */
export function formatBaud(bitsPerSecond: number): string {
  if (bitsPerSecond >= 1_000_000) return `${bitsPerSecond / 1_000_000} Mbaud`;
  if (bitsPerSecond >= 1_000) return `${bitsPerSecond / 1_000} kbaud`;
  return `${bitsPerSecond} baud`;
}

/**
 * A device did not answer before the deadline computed from the baud rate,
 * the packet lengths, its return delay time and the margin.
 *
 * @example
 * new DynamixelTimeoutError('DynamixelBus#start', 2, 1200, 1_000_000).message;
 * // 'DynamixelBus#start failed: motor 2 did not answer within 1.2 ms at 1 Mbaud; check wiring, baud and id'
 */
export class DynamixelTimeoutError extends Error {
  override readonly name = 'DynamixelTimeoutError';
  constructor(
    readonly method: string,
    readonly motorId: number,
    readonly waitedMicros: number,
    readonly baudRate: number,
  ) {
    super(
      `${method} failed: motor ${motorId} did not answer within ${(waitedMicros / 1000).toFixed(1)} ms at ${formatBaud(baudRate)}; check wiring, baud and id`,
    );
  }
}

/**
 * A reply arrived damaged (bad CRC, length or stuffing) and no intact copy followed.
 *
 * @example
 * new DynamixelCrcError('DynamixelBus#start', 2).message;
 */
export class DynamixelCrcError extends Error {
  override readonly name = 'DynamixelCrcError';
  constructor(
    readonly method: string,
    readonly motorId: number,
  ) {
    super(
      `${method} failed: the reply of motor ${motorId} arrived corrupt (CRC mismatch); check cabling, termination and ground, or lower the baud rate`,
    );
  }
}

/**
 * A motor answered but is not what the configuration says (model, operating mode).
 *
 * @example
 * new DynamixelMotorMismatchError('DynamixelBus#start', 2, 'is model 1060, expected 1030 (XM430-W210); fix the motor list or the id');
 */
export class DynamixelMotorMismatchError extends Error {
  override readonly name = 'DynamixelMotorMismatchError';
  constructor(
    readonly method: string,
    readonly motorId: number,
    detail: string,
  ) {
    super(`${method} failed: motor ${motorId} ${detail}`);
  }
}

/**
 * The serial port could not be opened, or was closed or lost while in use.
 *
 * @example
 * new DynamixelPortError('SerialPortTransport.open', 'cannot open /dev/ttyUSB0: Permission denied; add the user to the dialout group');
 */
export class DynamixelPortError extends Error {
  override readonly name = 'DynamixelPortError';
  constructor(
    readonly method: string,
    detail: string,
  ) {
    super(`${method} failed: ${detail}`);
  }
}

/**
 * The bus stopped trusting the link: too many consecutive faulted transfers,
 * or the port closed. Reported once through `onLost`; after it every
 * read/write is a fault until `start()` succeeds again.
 *
 * @example
 * const bus = new DynamixelBus({ ...options, onLost: (error) => controller.halt(error.message) });
 */
export class BusLostError extends Error {
  override readonly name = 'BusLostError';
  constructor(
    readonly reason: string,
    readonly consecutiveFaults: number,
  ) {
    super(
      `DynamixelBus lost the bus: ${reason}; motors were sent zero velocity and their bus watchdog stops them; check the cable and port, then call start() again`,
    );
  }
}

/**
 * Listing serial ports failed (on Linux, usually because `udevadm` is missing).
 *
 * @example
 * listSerialPorts().catch((error) => { if (error instanceof SerialPortListError) console.error(error.message); });
 */
export class SerialPortListError extends Error {
  override readonly name = 'SerialPortListError';
}

/**
 * The bus options are inconsistent (ids, limits, timings); the message names the option.
 *
 * @example
 * new DynamixelBus({ ...options, maxVelocity: -1 }); // throws DynamixelConfigError
 */
export class DynamixelConfigError extends Error {
  override readonly name = 'DynamixelConfigError';
}
