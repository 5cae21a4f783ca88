import { OutputRejectedError } from '@tickswap/control-loop';
import { createMotorCommands } from '@tickswap/motor-bus';
import { CommandLimits } from './command-limits';

const commands = (...velocity: number[]) => {
  const into = createMotorCommands(velocity.length);
  into.velocity.set(velocity);
  return into;
};

describe('CommandLimits', () => {
  const limits = new CommandLimits([4.5, 4.5]);

  it('accepts goals within the limits, the limit itself and its rounding included', () => {
    expect(() => limits.check(commands(4.5, -4.5))).not.toThrow();
    expect(() => limits.check(commands(4.500000000000001, 0))).not.toThrow();
  });

  it('rejects a NaN goal as nan and a goal beyond the limit as out-of-limit', () => {
    expect(() => limits.check(commands(0, Number.NaN))).toThrow(
      new OutputRejectedError('nan', "Controller#update failed: motor 1's goal velocity is NaN; the tick is not written and the motors hold the last good commands"),
    );
    const beyond = (() => {
      try {
        limits.check(commands(-4.6, 0));
      } catch (error) {
        return error as OutputRejectedError;
      }
      return undefined;
    })();
    expect(beyond).toMatchObject({ name: 'OutputRejectedError', kind: 'out-of-limit' });
    expect(beyond?.message).toBe("Controller#update failed: motor 0's goal velocity -4.6 rad/s is beyond its limit ±4.5 rad/s; the tick is not written and the motors hold the last good commands");
    expect(() => limits.check(commands(Number.POSITIVE_INFINITY, 0))).toThrow(/out-of-limit|beyond its limit/);
  });

  it('checks only NaN for a motor without a limit', () => {
    expect(() => new CommandLimits([]).check(commands(1e9))).not.toThrow();
    expect(() => new CommandLimits([]).check(commands(Number.NaN))).toThrow(OutputRejectedError);
  });
});
