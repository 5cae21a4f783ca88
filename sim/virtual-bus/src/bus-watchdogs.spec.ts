import { ServoTable, XSeries } from '@tickswap/dynamixel';
import { BusWatchdogs } from './bus-watchdogs';

/** Servo tables whose Bus Watchdog registers hold `units`, and their watchdogs. */
function armed(...units: number[]) {
  const tables = units.map((value) => {
    const table = new ServoTable();
    table.set(XSeries.busWatchdog, value);
    return table;
  });
  return { tables, watchdogs: new BusWatchdogs(tables) };
}

describe('BusWatchdogs', () => {
  it('names the armed watchdog that expires first, strictly before the time asked', () => {
    const { watchdogs } = armed(5, 2, 0);
    watchdogs.heard(0, 1);
    watchdogs.heard(1, 1.05);
    watchdogs.heard(2, 0);
    expect(watchdogs.dueAt(1)).toBeCloseTo(1.09, 12);
    expect(watchdogs.next(1.09)).toBe(-1);
    expect(watchdogs.next(1.2)).toBe(1);
    expect(watchdogs.dueAt(2)).toBeNaN(); // off
  });

  it('trips at the due time: the register reads -1 and the servo is no longer armed', () => {
    const { watchdogs, tables } = armed(5);
    watchdogs.heard(0, 2);
    watchdogs.trip(0);
    expect(watchdogs.trippedAt[0]).toBeCloseTo(2.1, 12);
    expect(tables[0]?.watchdogTripped).toBe(true);
    expect(watchdogs.dueAt(0)).toBeNaN();
    expect(watchdogs.next(100)).toBe(-1);
    expect(watchdogs.trips).toBe(1);
  });

  it('ignores a servo never heard from, and register values that do not arm it', () => {
    const { watchdogs } = armed(5, 128);
    watchdogs.heard(1, 0);
    expect(watchdogs.next(100)).toBe(-1);
    expect(Array.from(watchdogs.lastHeard)).toEqual([Number.NaN, 0]);
  });
});
