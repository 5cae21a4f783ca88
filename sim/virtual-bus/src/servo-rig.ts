import { ServoBank, type ServoParameters } from '@tickswap/physics';
import type { ServoSimulation } from './servo-simulation';
import { wholeSteps } from './whole-steps';

/**
 * Servos on a test bench, without a chassis: any number of them, advanced in
 * fixed steps. For buses with more servos than a described robot has (the
 * serial benchmark's 4 and 12).
 *
 * @example
 * const rig = new ServoRig(Array.from({ length: 12 }, () => parameters));
 * rig.advanceTo(0.5);
 */
export class ServoRig implements ServoSimulation {
  readonly servos: ServoBank;
  private stepsDone = 0;

  /** `step`: fixed physics step, s (default 0.5 ms). */
  constructor(
    parameters: readonly ServoParameters[],
    readonly step = 0.0005,
  ) {
    this.servos = new ServoBank(parameters, step);
  }

  /**
   * Advances in whole steps to the last step at or before `time` (s).
   * Runs every tick: must not allocate, must not block.
   */
  advanceTo(time: number): void {
    const target = wholeSteps(time, this.step);
    while (this.stepsDone < target) {
      this.servos.advance();
      this.stepsDone += 1;
    }
  }
}
