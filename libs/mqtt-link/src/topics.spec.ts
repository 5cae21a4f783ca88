import fc from 'fast-check';
import { RobotIdError } from './errors';
import { checkRobotId, robotOfTopic, topicsOf } from './topics';

const robotId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

describe('robot ids and topics', () => {
  it('builds the four topics of the design under tickswap/v1', () => {
    expect(topicsOf('wheelie-7')).toEqual({
      patch: 'tickswap/v1/wheelie-7/patch',
      result: 'tickswap/v1/wheelie-7/result',
      status: 'tickswap/v1/wheelie-7/status',
      ticks: 'tickswap/v1/wheelie-7/ticks',
    });
  });

  it.each([
    ['+', /contains "\+"/],
    ['#', /contains "#"/],
    ['arm/1', /contains "\/"/],
    ['', /empty/],
    ['a'.repeat(65), /65 characters/],
    ['-lead', /start with a letter or a digit/],
    ['robot 1', /contains " "/],
  ])('refuses %j, saying why', (robot, why) => {
    expect(() => topicsOf(robot)).toThrow(RobotIdError);
    expect(() => topicsOf(robot)).toThrow(why);
    expect(() => topicsOf(robot)).toThrow(/^topicsOf failed: robot id/);
  });

  it('refuses every id with a wildcard or a level separator', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('+', '#', '/'), fc.string(), (before, bad, after) => {
        expect(() => checkRobotId(`${before}${bad}${after}`)).toThrow(RobotIdError);
      }),
    );
  });

  it('reads the robot back from each of its topics, and nothing from other topics', () => {
    fc.assert(
      fc.property(robotId, (robot) => {
        for (const topic of Object.values(topicsOf(robot))) expect(robotOfTopic(topic)).toBe(robot);
      }),
    );
    expect(robotOfTopic('tickswap/v2/r1/status')).toBeUndefined();
    expect(robotOfTopic('tickswap/v1/r1/status/extra')).toBeUndefined();
    expect(robotOfTopic('tickswap/v1/+/status')).toBeUndefined();
  });
});
