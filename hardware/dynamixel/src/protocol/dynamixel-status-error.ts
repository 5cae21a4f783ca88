/** Hardware alert flag of the status error byte: read Hardware Error Status (70) for the cause. */
export const HARDWARE_ALERT = 0x80;

const ERROR_NAMES: readonly string[] = [
  'no error',
  'result fail (the instruction could not be processed)',
  'instruction error (undefined instruction, or Action without Reg Write)',
  'CRC error (the instruction packet arrived damaged)',
  'data range error (the value is outside the register range)',
  'data length error (fewer bytes than the register holds)',
  'data limit error (the value is beyond the configured limit)',
  'access error (read-only or undefined address, or EEPROM written with torque on)',
];

/**
 * A device answered with a non-zero error number in its status packet. Decodes
 * the error byte: `errorNumber` is bits 0..6 (1 result fail, 2 instruction,
 * 3 CRC, 4 data range, 5 data length, 6 data limit, 7 access), `hardwareAlert`
 * is bit 7.
 *
 * @example
 * const error = new DynamixelStatusError('DynamixelBus#start', 2, 0x84);
 * error.errorNumber; // 4 (data range)
 * error.hardwareAlert; // true
 */
export class DynamixelStatusError extends Error {
  override readonly name = 'DynamixelStatusError';
  readonly errorNumber: number;
  readonly hardwareAlert: boolean;

  constructor(
    readonly method: string,
    readonly motorId: number,
    readonly errorByte: number,
  ) {
    super(`${method} failed: motor ${motorId} answered ${describeStatusError(errorByte)}`);
    this.errorNumber = errorByte & 0x7f;
    this.hardwareAlert = (errorByte & HARDWARE_ALERT) !== 0;
  }
}

/**
 * Human-readable meaning of a status error byte.
 *
 * @example
 * describeStatusError(0x87); // 'access error (...), with the hardware alert set: read Hardware Error Status (70)'
 */
export function describeStatusError(errorByte: number): string {
  const number = errorByte & 0x7f;
  const name = ERROR_NAMES[number] ?? `unknown error number ${number}`;
  return errorByte & HARDWARE_ALERT ? `${name}, with the hardware alert set: read Hardware Error Status (70)` : name;
}
