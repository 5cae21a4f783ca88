import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { Namespace } from '@tickswap/dsu';
import { createMotorReadings } from '@tickswap/motor-bus';
import { robot } from '../test/live-state';
import { GateConfigError } from './errors';
import { liveSeed } from './live-seed';

const namespace = Namespace.of('0', BEHAVIOUR_CLASSES);

/** A mission that has seen its wheels turn (left forward 2 rad, right motor mirrored). */
function turnedMission(): SquareMission {
  const mission = new SquareMission(robot);
  const readings = createMotorReadings(2);
  mission.update(readings, 0.001);
  readings.position.set([2, -2]);
  mission.update(readings, 0.001);
  return mission;
}

describe('liveSeed', () => {
  it("starts the chassis at the odometry's pose and the servos at the live readings", () => {
    const mission = turnedMission();
    const seed = liveSeed({ behaviour: mission }, namespace, robot, { position: [2, -2], velocity: [1.5, -1.5] });
    expect(seed.pose).toEqual({ ...mission.odometry.pose });
    expect(seed.pose.x).toBeCloseTo(0.066, 6);
    expect(seed.poseFrom).toBe('root.behaviour.odometry');
    expect([...seed.position, ...seed.velocity]).toEqual([2, -2, 1.5, -1.5]);
  });

  it("without readings, puts the servos at rest at the odometry's last wheel angles", () => {
    const seed = liveSeed({ behaviour: turnedMission() }, namespace, robot, undefined);
    expect([...seed.position]).toEqual([2, -2]);
    expect([...seed.velocity]).toEqual([0, 0]);
  });

  it('starts at the origin when the state has no odometry', () => {
    const seed = liveSeed({ behaviour: { update: () => undefined } }, namespace, robot, undefined);
    expect(seed).toMatchObject({ pose: { x: 0, y: 0, theta: 0 }, poseFrom: undefined });
  });

  it('refuses readings that do not fit the robot', () => {
    const seed = () => liveSeed({ behaviour: turnedMission() }, namespace, robot, { position: [1], velocity: [0, 0] });
    expect(seed).toThrow(GateConfigError);
    expect(seed).toThrow('runGate failed: state.readings.position must hold 2 finite numbers (one per motor of reference-diff-drive), got 1');
  });
});
