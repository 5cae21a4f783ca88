import type { TickContext } from './tick-phases';
import { SwapEvent } from './tick-record';

/**
 * The loop's one {@link TickContext}, rewritten at the start of every tick;
 * phases see it read-only (except `version`).
 *
 * @example
 * const context = new MutableTickContext(0);
 * context.index = 1;
 */
export class MutableTickContext implements TickContext {
  index = 0;
  slot = 0;
  scheduledStart = 0;
  actualStart = 0;
  dt = 0;
  swap: SwapEvent = SwapEvent.None;

  constructor(public version: number) {}
}
