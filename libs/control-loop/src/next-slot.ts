/** Tolerance, in periods, for an end time that lands on a grid point up to floating-point rounding. */
const ON_GRID = 1e-9;

/**
 * The overrun policy of the loop: the grid slot of the tick that follows the
 * tick of slot `slot`, which ended at `end`. Deadlines stay on the original
 * grid (slot k is due at `origin + k * period`): a tick that ended by the next
 * deadline is followed by the next slot; one that ended later skips every slot
 * whose time has passed (they count as missed, `result - slot - 1` of them)
 * and is followed by the first grid point not in the past. Missed periods are
 * never queued or run late in a burst.
 *
 * @example
 * nextSlot(3, 3.2, 0, 1); // 4: on time
 * nextSlot(3, 6.5, 0, 1); // 7: slots 4, 5 and 6 missed
 * nextSlot(3, 6.0, 0, 1); // 6: ends exactly on slot 6, which runs on time
 */
export function nextSlot(slot: number, end: number, origin: number, periodMs: number): number {
  const due = Math.ceil((end - origin) / periodMs - ON_GRID);
  return due > slot + 1 ? due : slot + 1;
}
