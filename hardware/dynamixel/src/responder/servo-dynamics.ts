import { XSeries } from '../control-table/x-series';
import type { ServoTable } from './servo-table';

/**
 * What moves the servos a {@link ServoResponder} plays. The responder calls
 * it around every instruction, so present values can come from a model (the
 * physics of `sim/virtual-bus`) and goals, torque and mode can act on it.
 */
export interface ServoDynamics {
  /**
   * An instruction addressed to servo `id` has arrived and is about to run:
   * bring the present values in `table` up to date, and note the traffic
   * (the bus watchdog counts from it).
   */
  heard(id: number, table: ServoTable): void;
  /** An instruction changed servo `id`'s table (a write, a reboot): act on its goals, torque and mode. */
  changed(id: number, table: ServoTable): void;
}

/**
 * No dynamics: Present Velocity is Goal Velocity while torque is on, 0 with
 * torque off. The default of {@link ServoResponder}, enough for driver tests.
 *
 * @example
 * new ServoResponder(device, servos, { dynamics: ECHO_DYNAMICS });
 */
export const ECHO_DYNAMICS: ServoDynamics = {
  heard: () => undefined,
  changed: (_id, table) => {
    const torqueOn = table.get(XSeries.torqueEnable) === 1;
    table.set(XSeries.presentVelocity, torqueOn ? table.get(XSeries.goalVelocity) : 0);
  },
};
