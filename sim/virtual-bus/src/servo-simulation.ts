import type { ServoBank } from '@tickswap/physics';

/**
 * What virtual servos drive: a bank of servos advanced in fixed steps to a
 * time (s). A {@link SimulatedRobot} (servos and chassis) is one, a
 * {@link ServoRig} (servos alone) another.
 */
export interface ServoSimulation {
  readonly servos: ServoBank;
  /** Advances in whole steps to the last step at or before `time` (s); a time already passed changes nothing. */
  advanceTo(time: number): void;
}
