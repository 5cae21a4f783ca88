import { ServoBank } from '@tickswap/physics';
import { robot } from '../test/virtual-robot-fixture';
import { servoParametersOf } from './servo-parameters-of';
import { ServoRig } from './servo-rig';
import { wholeSteps } from './whole-steps';

const parameters = servoParametersOf(robot.motors[0] as (typeof robot.motors)[number]);

describe('ServoRig', () => {
  it('advances any number of servos in whole steps to the time asked, never back', () => {
    const rig = new ServoRig(Array.from({ length: 12 }, () => parameters));
    const bank = new ServoBank(Array.from({ length: 12 }, () => parameters), 0.0005);
    for (const servos of [rig.servos, bank]) {
      servos.torqueEnabled.fill(1);
      servos.goal.fill(2);
    }
    rig.advanceTo(0.003);
    rig.advanceTo(0.001);
    rig.advanceTo(Number.NaN);
    for (let step = 0; step < 6; step++) bank.advance();
    expect(Array.from(rig.servos.position)).toEqual(Array.from(bank.position));
  });

  it('counts a step time like 0.003 s as 6 steps of 0.5 ms, not 5.999…', () => {
    expect(wholeSteps(0.003, 0.0005)).toBe(6);
    expect(wholeSteps(0.00374, 0.0005)).toBe(7);
    expect(wholeSteps(Number.NaN, 0.0005)).toBeNaN();
  });
});
