import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import { robot } from '../test/live-state';
import type { LiveSeed } from './live-seed';
import { PhysicsSource } from './physics-source';

const seed = (x: number, y: number, theta: number): LiveSeed => ({ pose: { x, y, theta }, position: Float64Array.of(5, -5), velocity: Float64Array.of(3, -3), poseFrom: undefined });

/** Drives a source for a second on a curve and returns its pose. */
function drive(source: PhysicsSource) {
  const readings = createMotorReadings(2);
  const commands = createMotorCommands(2);
  commands.velocity.set([4, -2]);
  for (let tick = 0; tick <= 1000; tick++) {
    source.read(tick, readings);
    source.write(commands);
  }
  return { readings, pose: source.pose({ x: 0, y: 0, theta: 0 }) };
}

describe('PhysicsSource', () => {
  it('starts the servos at the seed: its first reading is the live one', () => {
    const readings = createMotorReadings(2);
    new PhysicsSource(robot, seed(0, 0, 0), 1000).read(0, readings);
    expect([...readings.position, ...readings.velocity]).toEqual([5, -5, 3, -3]);
  });

  it("moves the chassis from the seed's pose as it would from the origin, turned and shifted", () => {
    const theta = Math.PI / 2;
    const fromOrigin = drive(new PhysicsSource(robot, seed(0, 0, 0), 1000)).pose;
    const fromSeed = drive(new PhysicsSource(robot, seed(1, 2, theta), 1000)).pose;
    expect(fromOrigin.x).toBeGreaterThan(0.05);
    expect(fromSeed.x).toBeCloseTo(1 - fromOrigin.y, 12);
    expect(fromSeed.y).toBeCloseTo(2 + fromOrigin.x, 12);
    expect(fromSeed.theta).toBeCloseTo(theta + fromOrigin.theta, 12);
  });

  it('is deterministic', () => {
    expect(drive(new PhysicsSource(robot, seed(0, 0, 0), 1000))).toEqual(drive(new PhysicsSource(robot, seed(0, 0, 0), 1000)));
  });
});
