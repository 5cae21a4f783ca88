import { XSeries, type ServoTable } from '@tickswap/dynamixel';

/** Bus Watchdog (98) counts in 20 ms units. */
const UNIT_SECONDS = 0.02;
/** Register values that arm it: 1..127 (0 is off, 0xFF reads as tripped). */
const MAX_UNITS = 127;

/**
 * The bus watchdogs of a set of servos: when each last heard an instruction
 * and when its armed watchdog expires, in simulated seconds. Tripping one
 * marks its table (`ServoTable#tripWatchdog`); stopping its motor is the
 * caller's part.
 *
 * @example
 * const watchdogs = new BusWatchdogs(tables);
 * watchdogs.heard(0, 1.25);
 * watchdogs.next(1.5); // 0 if servo 0 is armed at 100 ms: its watchdog expired at 1.35 s
 */
export class BusWatchdogs {
  /** When each servo last heard an instruction addressed to it, s (NaN: never). */
  readonly lastHeard: Float64Array;
  /** When each servo's watchdog last tripped, s (NaN: never). */
  readonly trippedAt: Float64Array;
  /** Trips so far, all servos. */
  trips = 0;

  constructor(private readonly tables: readonly ServoTable[]) {
    this.lastHeard = new Float64Array(tables.length).fill(Number.NaN);
    this.trippedAt = new Float64Array(tables.length).fill(Number.NaN);
  }

  /** Servo `index` heard an instruction at `time` (s). Runs for every instruction: must not allocate. */
  heard(index: number, time: number): void {
    this.lastHeard[index] = time;
  }

  /**
   * When servo `index`'s watchdog expires, s: its last instruction plus its
   * period; NaN when it is not armed (off, or already tripped).
   */
  dueAt(index: number): number {
    const units = (this.tables[index] as ServoTable).get(XSeries.busWatchdog);
    if (units < 1 || units > MAX_UNITS) return Number.NaN;
    return (this.lastHeard[index] as number) + units * UNIT_SECONDS;
  }

  /**
   * The servo whose armed watchdog expires first and strictly before `time`,
   * or -1. Runs for every instruction: must not allocate.
   */
  next(time: number): number {
    let first = -1;
    let firstDue = time;
    for (let index = 0; index < this.tables.length; index++) {
      const due = this.dueAt(index);
      if (due < firstDue) {
        first = index;
        firstDue = due;
      }
    }
    return first;
  }

  /** Trips servo `index`'s watchdog at its due time: the register reads -1, goals are refused. */
  trip(index: number): void {
    this.trippedAt[index] = this.dueAt(index);
    (this.tables[index] as ServoTable).tripWatchdog();
    this.trips += 1;
  }
}
