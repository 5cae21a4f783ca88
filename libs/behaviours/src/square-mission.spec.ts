import { createMotorReadings, type MotorReadings } from '@tickswap/motor-bus';
import { BehaviourConfigError } from './behaviour-config-error';
import { SquareMission } from './square-mission';
import type { DiffDriveRobotLike } from './wheel-motors';

const DT = 0.001;
const wheel = (side: 'left' | 'right', direction: number) => ({ side, direction, gearRatio: 1, limits: { maxVelocity: 4.5 } });
const ROBOT: DiffDriveRobotLike = { wheelRadius: 0.033, trackWidth: 0.16, motors: [wheel('left', 1), wheel('right', -1)] };

/** Ticks the mission against ideal motors that reach their goal at once. */
function drive(mission: SquareMission, readings: MotorReadings, ticks: number, each: () => void = () => undefined): void {
  for (let k = 0; k < ticks; k++) {
    const commands = mission.update(readings, DT);
    for (let i = 0; i < 2; i++) {
      readings.position[i] = (readings.position[i] as number) + (commands.velocity[i] as number) * DT;
    }
    each();
  }
}

describe('SquareMission', () => {
  it('drives to the four corners in order, counter-clockwise, and starts over', () => {
    const mission = new SquareMission(ROBOT, { sideLength: 0.5 });
    const readings = createMotorReadings(2);
    const reached: string[] = [];
    drive(mission, readings, 40_000, () => {
      if (mission.cornersReached > reached.length) {
        const { x, y } = mission.odometry.pose;
        reached.push(`${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`);
      }
    });
    expect(reached.slice(0, 5)).toEqual(['0.5,0', '0.5,0.5', '0,0.5', '0,0', '0.5,0']);
  });

  it('commands the motors within their limits, the mirrored one reversed', () => {
    const mission = new SquareMission(ROBOT);
    const readings = createMotorReadings(2);
    const first = mission.update(readings, DT);
    expect(first.velocity[0]).toBeGreaterThan(0);
    expect(first.velocity[1]).toBeCloseTo(-(first.velocity[0] as number), 12);
    drive(mission, readings, 20_000, () => {
      expect(Math.abs(mission.commands.velocity[0] as number)).toBeLessThanOrEqual(4.5 + 1e-12);
      expect(Math.abs(mission.commands.velocity[1] as number)).toBeLessThanOrEqual(4.5 + 1e-12);
    });
  });

  it('rides out non-finite readings and a bad dt without losing its way', () => {
    const mission = new SquareMission(ROBOT, { sideLength: 0.3 });
    const readings = createMotorReadings(2);
    drive(mission, readings, 1000);
    const saved = readings.position.slice();
    readings.position.fill(Number.NaN);
    mission.update(readings, DT);
    mission.update(readings, Number.NaN);
    readings.position.set(saved);
    expect(Number.isFinite(mission.odometry.pose.x)).toBe(true);
    drive(mission, readings, 30_000);
    expect(mission.cornersReached).toBeGreaterThanOrEqual(4);
  });

  it('rejects settings it cannot drive with', () => {
    expect(() => new SquareMission(ROBOT, { sideLength: -1 })).toThrow(
      new BehaviourConfigError('SquareMission constructor failed: sideLength must be a positive number, got -1'),
    );
    expect(() => new SquareMission(ROBOT, { heading: { kp: -2 } })).toThrow(/Pid constructor failed: kp must be/);
    expect(() => new SquareMission({ ...ROBOT, motors: [wheel('left', 1)] })).toThrow(/exactly one left and one right motor/);
  });
});
