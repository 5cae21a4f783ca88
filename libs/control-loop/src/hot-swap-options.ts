import type { BoundaryGate } from './boundary-gate';
import { ANY_BOUNDARY } from './boundary-gate';
import { LoopConfigError } from './loop-config-error';
import type { WatchOptions } from './update-watch';

/** How a {@link HotSwap} prepares, commits and watches updates. */
export interface HotSwapOptions {
  /**
   * An update not committed this long after its preparation started (ms,
   * default 2000) is abandoned with nothing changed: its preparation did not
   * fit in the slack, or no boundary was usable (see `gate`).
   */
  readonly deadlineMs?: number;
  /** Ticks after a commit during which a failure of the new version rolls it back (default 1000). */
  readonly watchTicks?: number;
  /** Grid periods the watched ticks may miss in all before the update is rolled back (default 5). */
  readonly maxMissedTicks?: number;
  /** Which boundaries may commit an update (default: any). */
  readonly gate?: BoundaryGate;
  /** Longest slice of preparation between two ticks, ms (default half a period). */
  readonly maxSliceMs?: number;
  /** A slice of preparation ends at the latest this long before the next tick is due, ms (default 0.2). */
  readonly guardMs?: number;
  /** Rounds of throwaway updates run by `attach`, before the loop starts, to compile the update code (default 20; see `warmUpUpdates`). */
  readonly warmUpRounds?: number;
}

/** The options with their defaults, checked. */
export interface HotSwapSettings {
  readonly deadlineMs: number;
  readonly watch: WatchOptions;
  readonly gate: BoundaryGate;
  readonly maxSliceMs: number | undefined;
  readonly guardMs: number;
  readonly warmUpRounds: number;
}

function checked(name: string, value: number, rule: string, accepts: (n: number) => boolean): number {
  if (accepts(value)) return value;
  throw new LoopConfigError(`HotSwap#constructor failed: ${name} must be ${rule}, got ${value}`);
}

const nonNegative = (n: number) => n >= 0;
const wholeNumber = (n: number) => Number.isInteger(n) && n >= 0;

/**
 * Fills in the defaults and checks the ranges; throws LoopConfigError naming the option.
 *
 * @example
 * hotSwapSettings({ deadlineMs: 500 }).watch.ticks; // 1000
 */
export function hotSwapSettings(options: HotSwapOptions): HotSwapSettings {
  const { deadlineMs = 2000, watchTicks = 1000, maxMissedTicks = 5, gate = ANY_BOUNDARY, maxSliceMs, guardMs = 0.2, warmUpRounds = 20 } = options;
  return {
    deadlineMs: checked('deadlineMs', deadlineMs, 'a positive number of ms', (n) => n > 0),
    watch: {
      ticks: checked('watchTicks', watchTicks, 'an integer >= 0', wholeNumber),
      maxMissedTicks: checked('maxMissedTicks', maxMissedTicks, 'a number >= 0', nonNegative),
    },
    gate,
    maxSliceMs: maxSliceMs === undefined ? undefined : checked('maxSliceMs', maxSliceMs, 'a positive number of ms', (n) => n > 0),
    guardMs: checked('guardMs', guardMs, 'a number of ms >= 0', nonNegative),
    warmUpRounds: checked('warmUpRounds', warmUpRounds, 'an integer >= 0', wholeNumber),
  };
}
