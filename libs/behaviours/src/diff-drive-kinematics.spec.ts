import fc from 'fast-check';
import { BehaviourConfigError } from './behaviour-config-error';
import { DiffDriveKinematics } from './diff-drive-kinematics';

const ROBOT = { wheelRadius: 0.033, trackWidth: 0.16, maxLeft: 4.5, maxRight: 3 };
const kinematics = new DiffDriveKinematics(ROBOT);
const speed = (max: number) => fc.double({ min: -max, max, noNaN: true });

describe('DiffDriveKinematics', () => {
  it('maps a straight drive and a turn in place to wheel speeds', () => {
    expect(kinematics.inverse(0.066, 0, { left: 0, right: 0 })).toEqual({ left: 2, right: 2 });
    const spin = kinematics.inverse(0, 0.5, { left: 0, right: 0 });
    expect(spin.left).toBeCloseTo((-0.5 * 0.08) / 0.033, 12);
    expect(spin.right).toBeCloseTo(-spin.left, 12);
  });

  it('round-trips wheel speeds within the limits through forward and inverse', () => {
    fc.assert(
      fc.property(speed(ROBOT.maxLeft), speed(ROBOT.maxRight), (left, right) => {
        const twist = kinematics.forward(left, right, { linear: 0, angular: 0 });
        const wheels = kinematics.inverse(twist.linear, twist.angular, { left: 0, right: 0 });
        expect(wheels.left).toBeCloseTo(left, 9);
        expect(wheels.right).toBeCloseTo(right, 9);
      }),
    );
  });

  it('scales both wheels down together past a limit, keeping the turn ratio', () => {
    fc.assert(
      fc.property(speed(5), speed(20), (linear, angular) => {
        const wanted = { left: (linear - (angular * 0.08)) / 0.033, right: (linear + angular * 0.08) / 0.033 };
        const wheels = kinematics.inverse(linear, angular, { left: 0, right: 0 });
        expect(Math.abs(wheels.left)).toBeLessThanOrEqual(ROBOT.maxLeft + 1e-12);
        expect(Math.abs(wheels.right)).toBeLessThanOrEqual(ROBOT.maxRight + 1e-12);
        // Same ratio and same directions: wheels = wanted × a factor in (0, 1].
        expect(wheels.left * wanted.right - wheels.right * wanted.left).toBeCloseTo(0, 6);
        expect(wheels.left * wanted.left).toBeGreaterThanOrEqual(0);
        expect(wheels.right * wanted.right).toBeGreaterThanOrEqual(0);
        const saturated = Math.abs(wanted.left) > ROBOT.maxLeft || Math.abs(wanted.right) > ROBOT.maxRight;
        if (!saturated) {
          expect(wheels.left).toBeCloseTo(wanted.left, 9);
          expect(wheels.right).toBeCloseTo(wanted.right, 9);
        }
      }),
    );
  });

  it('stops on a non-finite twist', () => {
    for (const [linear, angular] of [[Number.NaN, 0], [0, Number.POSITIVE_INFINITY]] as const) {
      expect(kinematics.inverse(linear, angular, { left: 1, right: 1 })).toEqual({ left: 0, right: 0 });
    }
  });

  it('writes its update into its own wheels output', () => {
    const own = new DiffDriveKinematics(ROBOT);
    const wheels = own.update({ linear: 0.033, angular: 0 }, 0.001);
    expect(wheels).toBe(own.wheels);
    expect(wheels).toEqual({ left: 1, right: 1 });
  });

  it('rejects a geometry or limit that is not positive', () => {
    expect(() => new DiffDriveKinematics({ ...ROBOT, trackWidth: 0 })).toThrow(
      new BehaviourConfigError('DiffDriveKinematics constructor failed: trackWidth must be a positive number, got 0'),
    );
    expect(() => new DiffDriveKinematics({ ...ROBOT, maxRight: Number.NaN })).toThrow(/maxRight must be a positive number, got NaN/);
  });
});
