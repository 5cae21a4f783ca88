import { OutputRejectedError } from '@tickswap/control-loop';
import type { MotorCommands } from '@tickswap/motor-bus';

/** Rounding a wheel speed back to a motor speed may overshoot an exact limit by a few ulps. */
const ROUNDING = 1 + 1e-9;

/**
 * The motors' speed limits, checked on every tick's commands before they are
 * written. A command that is NaN or beyond its motor's limit rejects the whole
 * tick (`OutputRejectedError`): the loop faults it and skips its write, so
 * the motors **hold the last good commands** (the previous tick's, within
 * limits) rather than receive a clamped guess or a sudden zero; a hot swap
 * that is watching a new version rolls it back at that tick's boundary; a
 * version that keeps doing it reaches the loop's fault limit, which stops the
 * motors.
 *
 * @example
 * const limits = new CommandLimits([4.5, 4.5]);
 * limits.check(commands); // throws OutputRejectedError('out-of-limit', ...) for 5 rad/s
 */
export class CommandLimits {
  private readonly max: Float64Array;

  constructor(maxVelocity: readonly number[]) {
    this.max = Float64Array.from(maxVelocity, (limit) => limit * ROUNDING);
  }

  /**
   * Throws `OutputRejectedError` when a goal velocity is NaN or beyond its
   * motor's limit; a motor without a limit is only checked for NaN.
   * Runs every tick: allocates nothing unless it throws, never blocks.
   */
  check(commands: MotorCommands): void {
    const velocity = commands.velocity;
    for (let motor = 0; motor < velocity.length; motor++) {
      const goal = velocity[motor] as number;
      if (Number.isNaN(goal)) {
        throw new OutputRejectedError('nan', `Controller#update failed: motor ${motor}'s goal velocity is NaN; the tick is not written and the motors hold the last good commands`);
      }
      const limit = this.max[motor] ?? Number.POSITIVE_INFINITY;
      if (!(Math.abs(goal) <= limit)) {
        throw new OutputRejectedError(
          'out-of-limit',
          `Controller#update failed: motor ${motor}'s goal velocity ${goal} rad/s is beyond its limit ±${limit / ROUNDING} rad/s; the tick is not written and the motors hold the last good commands`,
        );
      }
    }
  }
}
