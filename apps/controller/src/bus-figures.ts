import type { BusStatistics } from '@tickswap/motor-bus';

/**
 * The bus's part of the status line: faulted transfers (missing, late or
 * corrupt replies) and commands clamped to the robot's limits, since start.
 * Allocates: call it a few times a second, never from the loop.
 *
 * @example
 * formatBusFigures({ transfers: 2000, faults: 3, clampedCommands: 41 }); // 'bus faults 3 | clamped 41'
 */
export function formatBusFigures(statistics: BusStatistics): string {
  return `bus faults ${statistics.faults} | clamped ${statistics.clampedCommands}`;
}
