import type { PreparedUpdate } from '@tickswap/dsu';

/** Which boundaries may commit one prepared update. */
export interface BoundaryCondition {
  /**
   * Whether the boundary now running may commit the update.
   * Runs at the tick boundary: must not allocate, must not block.
   */
  open(): boolean;
  /** What the update waits for while the condition is closed (for the message of an abandoned update). */
  readonly waitingFor: string;
}

/**
 * Decides, once for each prepared update (between ticks, so it may allocate),
 * at which boundaries it may commit: for instance only where every multi-rate
 * behaviour it touches is idle, so that no output held from the old version
 * is used by a tick of the new one.
 *
 * @example
 * const gate: BoundaryGate = () => ({ open: () => planner.idle, waitingFor: 'the planner to finish its cycle' });
 */
export type BoundaryGate = (update: PreparedUpdate) => BoundaryCondition;

const ALWAYS: BoundaryCondition = Object.freeze({ open: () => true, waitingFor: 'nothing' });

/**
 * The default gate: every boundary may commit (every behaviour runs every tick).
 *
 * @example
 * new HotSwap(live, { gate: ANY_BOUNDARY });
 */
export const ANY_BOUNDARY: BoundaryGate = () => ALWAYS;
