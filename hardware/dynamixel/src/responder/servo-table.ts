import { XSeries, type Register } from '../control-table/x-series';

/** Bytes of control table simulated (the X-series table ends at 661). */
const TABLE_SIZE = 1024;
/** Below Torque Enable (64) lies EEPROM, writable only with torque off. */
const EEPROM_END = XSeries.torqueEnable.address;
/** Goal PWM (100) to Goal Position (116..119): read-only while the bus watchdog has tripped. */
const GOALS = { start: 100, end: 120 };
const WATCHDOG_TRIPPED = 0xff;

/**
 * One simulated servo's control table, with the X-series write rules the
 * driver depends on: EEPROM locked while torque is on (access error 7), goals
 * locked while the bus watchdog has tripped (data range error 4). Present
 * Velocity mirrors Goal Velocity while torque is on (no dynamics).
 *
 * @example
 * const table = new ServoTable();
 * table.write(64, Uint8Array.of(1)); // 0: torque on
 */
export class ServoTable {
  readonly bytes = new Uint8Array(TABLE_SIZE);
  private readonly view = new DataView(this.bytes.buffer);

  /**
   * A register's value, signed (goals and present values are signed).
   *
   * @example
   * table.get(XSeries.presentVelocity);
   */
  get(register: Register): number {
    if (register.size === 1) return this.view.getUint8(register.address);
    if (register.size === 2) return this.view.getInt16(register.address, true);
    return this.view.getInt32(register.address, true);
  }

  /**
   * Sets a register directly, bypassing the write rules (test set-up, simulation).
   *
   * @example
   * table.set(XSeries.busWatchdog, 0xff); // as if the watchdog had tripped
   */
  set(register: Register, value: number): void {
    if (register.size === 1) this.view.setUint8(register.address, value & 0xff);
    else if (register.size === 2) this.view.setInt16(register.address, value, true);
    else this.view.setInt32(register.address, value, true);
  }

  /**
   * `length` bytes from `address`, or null when outside the table (access error).
   *
   * @example
   * table.read(132, 4);
   */
  read(address: number, length: number): Uint8Array | null {
    return address + length > TABLE_SIZE ? null : this.bytes.slice(address, address + length);
  }

  /**
   * Writes as the servo would and returns the status error number (0: done).
   *
   * @example
   * table.write(104, Uint8Array.of(100, 0, 0, 0)); // 0
   */
  write(address: number, data: Uint8Array): number {
    const end = address + data.length;
    const torqueOn = this.get(XSeries.torqueEnable) === 1;
    if (end > TABLE_SIZE || (address < EEPROM_END && torqueOn)) return 7;
    if (address < GOALS.end && end > GOALS.start && this.get(XSeries.busWatchdog) === WATCHDOG_TRIPPED) return 4;
    this.bytes.set(data, address);
    this.follow();
    return 0;
  }

  /**
   * What a reboot resets: torque off, watchdog off.
   *
   * @example
   * table.reboot();
   */
  reboot(): void {
    this.set(XSeries.torqueEnable, 0);
    this.set(XSeries.busWatchdog, 0);
    this.follow();
  }

  private follow(): void {
    const torqueOn = this.get(XSeries.torqueEnable) === 1;
    this.set(XSeries.presentVelocity, torqueOn ? this.get(XSeries.goalVelocity) : 0);
  }
}
