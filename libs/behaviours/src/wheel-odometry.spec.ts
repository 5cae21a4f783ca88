import { BehaviourConfigError } from './behaviour-config-error';
import { WheelOdometry } from './wheel-odometry';

const [RADIUS, TRACK] = [0.033, 0.16];

/** Feeds wheel angles growing by `left`, `right` per sample, `count` samples after the first. */
function roll(odometry: WheelOdometry, left: number, right: number, count: number): void {
  const angles = { left: odometry.previous.left, right: odometry.previous.right };
  odometry.update(angles, 0.001);
  for (let k = 0; k < count; k++) {
    angles.left += left;
    angles.right += right;
    odometry.update(angles, 0.001);
  }
}

describe('WheelOdometry', () => {
  it('takes the first sample as its origin', () => {
    const odometry = new WheelOdometry(RADIUS, TRACK);
    expect(odometry.update({ left: 12, right: -7 }, 0.001)).toEqual({ x: 0, y: 0, theta: 0 });
  });

  it('measures a straight drive and a turn in place', () => {
    const odometry = new WheelOdometry(RADIUS, TRACK);
    roll(odometry, 0.001, 0.001, 1000);
    expect(odometry.pose.x).toBeCloseTo(RADIUS, 12);
    expect(odometry.pose.y).toBe(0);
    roll(odometry, -0.001, 0.001, 1000);
    expect(odometry.pose.x).toBeCloseTo(RADIUS, 12);
    expect(odometry.pose.theta).toBeCloseTo((2 * RADIUS) / TRACK, 12);
  });

  it('follows a circle of the analytic radius within the midpoint rule error', () => {
    const [left, right] = [0.0005, 0.001];
    const radius = ((TRACK / 2) * (left + right)) / (right - left);
    const odometry = new WheelOdometry(RADIUS, TRACK);
    const turnPerSample = (RADIUS * (right - left)) / TRACK;
    const samples = Math.round(Math.PI / 2 / turnPerSample);
    roll(odometry, left, right, samples);
    const theta = samples * turnPerSample; // ≈ a quarter turn
    expect(odometry.pose.theta).toBeCloseTo(theta, 10);
    // The midpoint rule's chord error is ~ arc·dθ²/24 ≈ 2e-10 m here.
    expect(Math.abs(odometry.pose.x - radius * Math.sin(theta))).toBeLessThan(1e-9);
    expect(Math.abs(odometry.pose.y - radius * (1 - Math.cos(theta)))).toBeLessThan(1e-9);
  });

  it('keeps theta within (−π, π]', () => {
    const odometry = new WheelOdometry(RADIUS, TRACK);
    roll(odometry, -0.01, 0.01, 10_000);
    expect(odometry.pose.theta > -Math.PI && odometry.pose.theta <= Math.PI).toBe(true);
  });

  it('skips a non-finite sample and accounts for the whole rotation at the next good one', () => {
    const odometry = new WheelOdometry(RADIUS, TRACK);
    odometry.update({ left: 0, right: 0 }, 0.001);
    expect(odometry.update({ left: Number.NaN, right: 0.5 }, 0.001)).toEqual({ x: 0, y: 0, theta: 0 });
    odometry.update({ left: 1, right: 1 }, 0.001);
    expect(odometry.pose.x).toBeCloseTo(RADIUS, 12);
  });

  it('rejects a geometry that is not positive', () => {
    expect(() => new WheelOdometry(-1, TRACK)).toThrow(
      new BehaviourConfigError('WheelOdometry constructor failed: wheelRadius must be a positive number of metres, got -1'),
    );
  });
});
