import { XSeries, type Register } from '../control-table/x-series';

/** Bytes of control table simulated (the X-series table ends at 661). */
const TABLE_SIZE = 1024;
/** Below Torque Enable (64) lies EEPROM, writable only with torque off. */
const EEPROM_END = XSeries.torqueEnable.address;
/** Goal PWM (100) to Goal Position (116..119): read-only while the bus watchdog has tripped. */
const GOALS = { start: 100, end: 120 };
/** Read-only spans of the X-series table: model and firmware (0..6), Registered Instruction and Hardware Error Status (69..70), Realtime Tick to Backup Ready (120..147). */
const READ_ONLY: readonly { start: number; end: number }[] = [
  { start: 0, end: 7 },
  { start: 69, end: 71 },
  { start: 120, end: 148 },
];
const WATCHDOG_TRIPPED = 0xff;

/**
 * One simulated servo's control table, with the X-series write rules the
 * driver depends on: read-only entries and, while torque is on, the EEPROM
 * refuse writes (access error 7); goals are locked while the bus watchdog has
 * tripped (data range error 4). Present values are whatever the servo's
 * dynamics set (see `ServoDynamics`).
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
    const readOnly = READ_ONLY.some((span) => address < span.end && end > span.start);
    if (end > TABLE_SIZE || readOnly || (address < EEPROM_END && torqueOn)) return 7;
    if (address < GOALS.end && end > GOALS.start && this.watchdogTripped) return 4;
    this.bytes.set(data, address);
    return 0;
  }

  /** Whether the bus watchdog has tripped (Bus Watchdog reads -1 until 0 is written). */
  get watchdogTripped(): boolean {
    return this.get(XSeries.busWatchdog) === WATCHDOG_TRIPPED;
  }

  /**
   * What the servo does when no instruction came within its Bus Watchdog
   * time: the register reads -1 and the goals turn read-only until 0 is
   * written to it. Stopping the motor is the dynamics' part.
   *
   * @example
   * table.tripWatchdog(); // table.watchdogTripped === true
   */
  tripWatchdog(): void {
    this.set(XSeries.busWatchdog, WATCHDOG_TRIPPED);
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
  }
}
