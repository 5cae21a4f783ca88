import type { BusStatistics } from '@tickswap/motor-bus';
import type { ParserStatistics } from '../protocol/packet-parser';

/** {@link BusStatistics} with the reasons behind the faults (live counters, never reset). */
export interface DynamixelBusStatistics extends BusStatistics {
  /** Sync reads attempted. */
  readonly reads: number;
  /** Sync writes attempted. */
  readonly writes: number;
  /** Faults by kind (see `BusFaultKind`). */
  readonly timeouts: number;
  readonly crcFaults: number;
  readonly statusFaults: number;
  readonly busyFaults: number;
  readonly portFaults: number;
  readonly notRunningFaults: number;
  /** Replies with the hardware alert bit set (valid data; read Hardware Error Status (70)). */
  readonly alerts: number;
  /** Faulted transfers since the last good read. */
  readonly consecutiveFaults: number;
  /** What the receive parser delivered and dropped. */
  readonly parser: ParserStatistics;
}

/** The mutable counters behind {@link DynamixelBusStatistics}. */
export type MutableBusStatistics = { -readonly [K in keyof DynamixelBusStatistics]: DynamixelBusStatistics[K] };

/**
 * Zeroed counters, reporting the given parser's statistics.
 *
 * @example
 * const statistics = createBusStatistics(link.parser.statistics);
 */
export function createBusStatistics(parser: ParserStatistics): MutableBusStatistics {
  return {
    transfers: 0,
    faults: 0,
    clampedCommands: 0,
    reads: 0,
    writes: 0,
    timeouts: 0,
    crcFaults: 0,
    statusFaults: 0,
    busyFaults: 0,
    portFaults: 0,
    notRunningFaults: 0,
    alerts: 0,
    consecutiveFaults: 0,
    parser,
  };
}
