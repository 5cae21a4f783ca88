import fc from 'fast-check';
import { PhysicsParameterError } from './physics-parameter-error';
import { ServoBank } from './servo-bank';
import type { ServoParameters } from './servo-parameters';

const STEP = 0.0005;
const XM430: ServoParameters = {
  timeConstant: 0.05,
  torqueConstant: 1.78,
  inertia: 0.002,
  coulombFriction: 0.03,
  viscousFriction: 0.01,
  maxVelocity: 10,
  maxCurrent: 100,
};

function servo(overrides: Partial<ServoParameters> = {}, goal = 0): ServoBank {
  const bank = new ServoBank([{ ...XM430, ...overrides }], STEP);
  bank.torqueEnabled[0] = 1;
  bank.goal[0] = goal;
  return bank;
}

/** Advances `bank` for `seconds`, calling `each(t)` after every step. */
function run(bank: ServoBank, seconds: number, each: (t: number) => void = () => undefined): void {
  const steps = Math.round(seconds / STEP);
  for (let k = 1; k <= steps; k++) {
    bank.advance();
    each(k * STEP);
  }
}

const at = (array: ArrayLike<number>) => array[0] as number;

describe('ServoBank', () => {
  it('follows the analytic first-order step response while no limit is reached', () => {
    const goal = 2;
    const tau = XM430.timeConstant;
    const bank = servo({}, goal);
    run(bank, 0.5, (t) => {
      expect(Math.abs(at(bank.velocity) - goal * (1 - Math.exp(-t / tau)))).toBeLessThan(1e-9);
      // Trapezoidal position: error O(h²·goal/tau) overall.
      expect(Math.abs(at(bank.position) - goal * (t - tau * (1 - Math.exp(-t / tau))))).toBeLessThan(1e-5);
      expect(Math.abs(at(bank.current))).toBeLessThan(XM430.maxCurrent);
    });
  });

  it('bounds the acceleration by the current limit', () => {
    const maxCurrent = 0.05;
    const bank = servo({ maxCurrent, coulombFriction: 0, viscousFriction: 0 }, 4);
    const acceleration = (XM430.torqueConstant * maxCurrent) / XM430.inertia;
    run(bank, 0.02, (t) => {
      expect(at(bank.velocity)).toBeCloseTo(acceleration * t, 9);
      expect(at(bank.current)).toBe(maxCurrent);
    });
    run(bank, 2);
    expect(at(bank.velocity)).toBeCloseTo(4, 9);
  });

  it('clamps the goal to the velocity limit', () => {
    const bank = servo({}, 100);
    run(bank, 2);
    expect(at(bank.velocity)).toBeCloseTo(XM430.maxVelocity, 9);
    bank.goal[0] = -100;
    run(bank, 2);
    expect(at(bank.velocity)).toBeCloseTo(-XM430.maxVelocity, 9);
  });

  it('draws the current that overcomes Coulomb and viscous friction at steady speed', () => {
    const bank = servo({}, 3);
    run(bank, 2);
    expect(at(bank.current)).toBeCloseTo((XM430.coulombFriction + XM430.viscousFriction * 3) / XM430.torqueConstant, 9);
  });

  it('coasts to a stop under friction with torque off, and never reverses', () => {
    const { coulombFriction: fc0, viscousFriction: b, inertia: j } = XM430;
    const bank = servo({}, 4);
    run(bank, 1);
    bank.torqueEnabled[0] = 0;
    const v0 = at(bank.velocity);
    // dv/dt = −(Fc + b·v)/J  ⇒  v(t) = (v0 + Fc/b)·e^(−b·t/J) − Fc/b, until it stops.
    const stopsAt = (j / b) * Math.log((v0 + fc0 / b) / (fc0 / b));
    let stoppedAt = Number.POSITIVE_INFINITY;
    run(bank, 1, (t) => {
      const expected = Math.max(0, (v0 + fc0 / b) * Math.exp((-b * t) / j) - fc0 / b);
      // Friction is integrated by explicit Euler: relative error O(step·b/J) = 0.25 %.
      expect(Math.abs(at(bank.velocity) - expected)).toBeLessThan(0.0025 * v0);
      if (at(bank.velocity) === 0) stoppedAt = Math.min(stoppedAt, t);
      expect(at(bank.velocity)).toBeGreaterThanOrEqual(0);
      expect(at(bank.current)).toBe(0);
    });
    expect(Math.abs(stoppedAt - stopsAt)).toBeLessThan(0.001);
    expect(at(bank.velocity)).toBe(0);
  });

  it('settles where the current limit just balances friction, and stays put when it cannot overcome it', () => {
    const limited = servo({ maxCurrent: 0.05 }, 8);
    run(limited, 5);
    expect(at(limited.velocity)).toBeCloseTo((XM430.torqueConstant * 0.05 - XM430.coulombFriction) / XM430.viscousFriction, 6);

    const weak = servo({ maxCurrent: 0.01 }, 8);
    run(weak, 1);
    expect(at(weak.velocity)).toBe(0);
    expect(at(weak.position)).toBe(0);
  });

  it('holds still on a NaN goal', () => {
    const bank = servo({}, Number.NaN);
    run(bank, 0.1);
    expect(at(bank.velocity)).toBe(0);
  });

  it('gives bit-identical states for the same goals, and keeps every state within its limits', () => {
    const scenario = fc.record({
      maxCurrent: fc.double({ min: 0.001, max: 5, noNaN: true }),
      coulombFriction: fc.double({ min: 0, max: 0.1, noNaN: true }),
      goals: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 20 }),
    });
    fc.assert(
      fc.property(scenario, ({ goals, ...overrides }) => {
        const banks = [servo(overrides), servo(overrides)];
        for (const goal of goals) {
          for (const bank of banks) {
            bank.goal[0] = goal;
            run(bank, 0.05);
          }
          const [a, b] = banks as [ServoBank, ServoBank];
          expect(Buffer.from(a.position.buffer).equals(Buffer.from(b.position.buffer))).toBe(true);
          expect(Buffer.from(a.velocity.buffer).equals(Buffer.from(b.velocity.buffer))).toBe(true);
          expect(Math.abs(at(a.velocity))).toBeLessThanOrEqual(XM430.maxVelocity + 1e-12);
          expect(Math.abs(at(a.current))).toBeLessThanOrEqual(overrides.maxCurrent);
        }
      }),
    );
  });

  it('rejects parameters it cannot simulate, naming the servo and the parameter', () => {
    expect(() => new ServoBank([XM430, { ...XM430, timeConstant: 0 }], STEP)).toThrow(
      new PhysicsParameterError('ServoBank constructor failed: servo 1 timeConstant must be a positive finite number, got 0'),
    );
    expect(() => new ServoBank([{ ...XM430, viscousFriction: Number.NaN }], STEP)).toThrow(/servo 0 viscousFriction must be a finite number >= 0, got NaN/);
    expect(() => new ServoBank([{ ...XM430, viscousFriction: 5 }], STEP)).toThrow(/use a smaller step than 0.0005 s/);
    expect(() => new ServoBank([XM430], 0)).toThrow(/step must be a positive finite number of seconds, got 0/);
  });
});
