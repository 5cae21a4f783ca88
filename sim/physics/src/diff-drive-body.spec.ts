import { DiffDriveBody } from './diff-drive-body';
import { PhysicsParameterError } from './physics-parameter-error';

const GEOMETRY = { wheelRadius: 0.033, trackWidth: 0.16 };

function drive(body: DiffDriveBody, steps: number, left: number, right: number, each: () => void = () => undefined): void {
  for (let k = 0; k < steps; k++) {
    body.advance(left, right);
    each();
  }
}

describe('DiffDriveBody', () => {
  it('drives straight along its heading', () => {
    const body = new DiffDriveBody(GEOMETRY);
    drive(body, 1000, 0.001, 0.001);
    expect(body.x).toBeCloseTo(0.033, 12);
    expect(body.y).toBe(0);
    expect(body.theta).toBe(0);
  });

  it('turns in place when the wheels turn opposite ways', () => {
    const body = new DiffDriveBody(GEOMETRY);
    drive(body, 1000, -0.001, 0.001);
    expect(Math.abs(body.x) + Math.abs(body.y)).toBeLessThan(1e-15);
    expect(body.theta).toBeCloseTo((2 * 0.033 * 1) / 0.16, 12);
  });

  it('follows a circle of the analytic radius and comes back to its start', () => {
    const [left, right] = [0.0005, 0.001];
    const { wheelRadius: r, trackWidth: l } = GEOMETRY;
    const radius = ((l / 2) * (right + left)) / (right - left);
    const stepsPerTurn = (2 * Math.PI) / ((r * (right - left)) / l);
    const body = new DiffDriveBody(GEOMETRY);
    let farthest = 0;
    drive(body, Math.floor(stepsPerTurn / 2), left, right, () => {
      expect(Math.hypot(body.x, body.y - radius)).toBeCloseTo(radius, 12);
      farthest = Math.max(farthest, Math.hypot(body.x, body.y));
    });
    expect(farthest).toBeCloseTo(2 * radius, 6);
    const body2 = new DiffDriveBody(GEOMETRY);
    body2.advance(left * stepsPerTurn, right * stepsPerTurn);
    expect(Math.hypot(body2.x, body2.y)).toBeLessThan(1e-12);
  });

  it('reaches the same pose along a constant arc however finely it is stepped', () => {
    const coarse = new DiffDriveBody(GEOMETRY);
    coarse.advance(3, 7);
    const fine = new DiffDriveBody(GEOMETRY);
    drive(fine, 10_000, 0.0003, 0.0007);
    expect(fine.x).toBeCloseTo(coarse.x, 10);
    expect(fine.y).toBeCloseTo(coarse.y, 10);
    expect(fine.theta).toBeCloseTo(coarse.theta, 10);
  });

  it('gives bit-identical poses for the same wheel rotations', () => {
    const poses = [0, 1].map(() => {
      const body = new DiffDriveBody(GEOMETRY);
      for (let k = 0; k < 20_000; k++) {
        body.advance(0.02 * Math.sin(k * 0.001), 0.03 * Math.cos(k * 0.0007));
      }
      return [body.x, body.y, body.theta];
    });
    expect(poses[0]?.every((value, i) => Object.is(value, poses[1]?.[i]))).toBe(true);
  });

  it('rejects a geometry it cannot drive', () => {
    expect(() => new DiffDriveBody({ wheelRadius: 0, trackWidth: 0.16 })).toThrow(
      new PhysicsParameterError('DiffDriveBody constructor failed: wheelRadius must be a positive finite number of metres, got 0'),
    );
    expect(() => new DiffDriveBody({ wheelRadius: 0.03, trackWidth: Number.NaN })).toThrow(/trackWidth must be/);
  });
});
