/** One entry of a control table: where it is and how many bytes it spans (little-endian). */
export interface Register {
  readonly address: number;
  readonly size: 1 | 2 | 4;
}

/**
 * The X-series (XM430, XM540, XH430, ...) control-table entries the runtime
 * uses, as the ROBOTIS e-manual lists them. Goal and present values are signed.
 *
 * @example
 * encodeRead(1, XSeries.presentPosition.address, XSeries.presentPosition.size);
 */
export const XSeries = {
  modelNumber: { address: 0, size: 2 },
  firmwareVersion: { address: 6, size: 1 },
  id: { address: 7, size: 1 },
  /** Index into {@link BAUD_RATES}. */
  baudRate: { address: 8, size: 1 },
  /** Units of 2 µs before a device answers (factory default 250 = 500 µs). */
  returnDelayTime: { address: 9, size: 1 },
  /** See {@link OperatingMode}; writable only with torque off. */
  operatingMode: { address: 11, size: 1 },
  torqueEnable: { address: 64, size: 1 },
  /** 0 off (and clears a trip), 1..127 in units of 20 ms, -1 (0xFF) once tripped. */
  busWatchdog: { address: 98, size: 1 },
  goalCurrent: { address: 102, size: 2 },
  /** Signed, units of 0.229 rev/min. */
  goalVelocity: { address: 104, size: 4 },
  presentCurrent: { address: 126, size: 2 },
  presentVelocity: { address: 128, size: 4 },
  /** Signed, 4096 per revolution (multi-turn outside position mode). */
  presentPosition: { address: 132, size: 4 },
} as const satisfies Record<string, Register>;

/**
 * Present current, velocity and position lie back to back (126..135), so one
 * Sync Read of 10 bytes fetches a motor's whole state each tick.
 *
 * @example
 * encodeSyncRead(PRESENT_STATE.address, PRESENT_STATE.size, [1, 2]);
 */
export const PRESENT_STATE = { address: XSeries.presentCurrent.address, size: 10 } as const;

/**
 * Values of Operating Mode (11).
 *
 * @example
 * if (mode !== OperatingMode.velocity) throw new Error('set Operating Mode (11) to 1');
 */
export const OperatingMode = {
  current: 0,
  velocity: 1,
  position: 3,
  extendedPosition: 4,
  currentBasedPosition: 5,
  pwm: 16,
} as const;

/** Baud Rate (8) register value -> bits per second (X-series). */
export const BAUD_RATES: readonly number[] = [9600, 57_600, 115_200, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 4_500_000];

/**
 * The Baud Rate (8) register value for `bitsPerSecond`, or -1 if X-series servos cannot use it.
 *
 * @example
 * baudRateRegister(1_000_000); // 3
 */
export function baudRateRegister(bitsPerSecond: number): number {
  return BAUD_RATES.indexOf(bitsPerSecond);
}
