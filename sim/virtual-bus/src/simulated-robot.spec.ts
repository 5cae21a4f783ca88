import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { SimulatedRobot } from './simulated-robot';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);

function driving(left: number, right: number): SimulatedRobot {
  const sim = new SimulatedRobot(robot);
  sim.servos.torqueEnabled.fill(1);
  sim.servos.goal.set([left, right]);
  return sim;
}

describe('SimulatedRobot', () => {
  it('advances in whole fixed steps up to the time asked, never back', () => {
    const sim = new SimulatedRobot(robot);
    sim.advanceTo(0.003);
    expect(sim.time).toBeCloseTo(0.003, 15);
    sim.advanceTo(0.00374);
    expect(sim.time).toBeCloseTo(0.0035, 15);
    sim.advanceTo(0.001);
    sim.advanceTo(Number.NaN);
    expect(sim.time).toBeCloseTo(0.0035, 15);
  });

  it('reaches bit-identical states however often it is advanced', () => {
    const [often, once] = [driving(3, -1), driving(3, -1)];
    for (let k = 1; k <= 2000; k++) often.advanceTo(k * 0.001);
    once.advanceTo(2);
    expect([often.body.x, often.body.y, often.body.theta]).toEqual([once.body.x, once.body.y, once.body.theta]);
    expect(Buffer.from(often.servos.position.buffer).equals(Buffer.from(once.servos.position.buffer))).toBe(true);
  });

  it('drives the chassis through each motor direction: the mirrored right motor turns backwards to go forward', () => {
    const straight = driving(3, -3);
    straight.advanceTo(2);
    expect(straight.body.x).toBeGreaterThan(0.15);
    expect(Math.abs(straight.body.y) + Math.abs(straight.body.theta)).toBeLessThan(1e-12);
    // Wheel travel equals motor travel times the wheel radius (gear ratio 1).
    expect(straight.body.x).toBeCloseTo((straight.servos.position[0] as number) * robot.wheelRadius, 12);

    const spin = driving(-2, -2);
    spin.advanceTo(1);
    expect(Math.hypot(spin.body.x, spin.body.y)).toBeLessThan(1e-12);
    expect(spin.body.theta).toBeCloseTo((2 * robot.wheelRadius * (spin.servos.position[1] as number) * -1) / robot.trackWidth, 12);
  });
});
