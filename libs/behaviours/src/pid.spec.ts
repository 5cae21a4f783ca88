import fc from 'fast-check';
import { BehaviourConfigError } from './behaviour-config-error';
import { Pid } from './pid';

const DT = 0.01;

function ticks(pid: Pid, measurement: number, count: number): number {
  let output = 0;
  for (let k = 0; k < count; k++) output = pid.update(measurement, DT);
  return output;
}

describe('Pid', () => {
  it('outputs kp times the error as its P term', () => {
    const pid = new Pid({ kp: 2 });
    pid.setpoint = 1.5;
    expect(pid.update(0.5, DT)).toBe(2);
    expect(pid.update(2.5, DT)).toBe(-2);
  });

  it('integrates ki times the error over time as its I term', () => {
    const pid = new Pid({ kp: 0, ki: 3 });
    pid.setpoint = 1;
    expect(ticks(pid, 0.5, 100)).toBeCloseTo(3 * 0.5 * 100 * DT, 12);
    expect(pid.integral).toBeCloseTo(1.5, 12);
  });

  it('takes the derivative of the measurement, so a setpoint step gives no kick', () => {
    const pid = new Pid({ kp: 0, kd: 0.5 });
    pid.update(0, DT);
    expect(pid.update(0.02, DT)).toBeCloseTo(-0.5 * 2, 12); // measurement rising at 2 /s
    pid.setpoint = 100;
    expect(pid.update(0.02, DT)).toBeCloseTo(0, 12);
  });

  it('clamps the output to its limits', () => {
    const pid = new Pid({ kp: 10, outputMin: -1, outputMax: 2 });
    pid.setpoint = 1;
    expect(pid.update(0, DT)).toBe(2);
    expect(pid.update(2, DT)).toBe(-1);
  });

  it('does not wind up while saturated, so it leaves saturation as soon as the error turns', () => {
    const pid = new Pid({ kp: 1, ki: 5, outputMin: -1, outputMax: 1 });
    pid.setpoint = 10;
    ticks(pid, 0, 1000); // saturated for 10 s with a large error
    expect(pid.integral).toBeLessThanOrEqual(1);
    pid.setpoint = -0.5;
    // An unclamped integral would be ~500 here and hold the output at +1 for seconds.
    expect(pid.update(0, DT)).toBeLessThan(1);
    expect(ticks(pid, 0, 50)).toBe(-1);
  });

  it('forgets its integral and previous measurement on reset', () => {
    const pid = new Pid({ kp: 0, ki: 1, kd: 1 });
    pid.setpoint = 1;
    ticks(pid, 0, 10);
    pid.reset();
    expect([pid.integral, pid.hasPrevious, pid.output]).toEqual([0, false, 0]);
    expect(pid.update(5, DT)).toBeCloseTo(-4 * DT, 12); // no derivative from before the reset
    expect(pid.setpoint).toBe(1);
  });

  it('skips a NaN measurement: outputs 0, keeps its integral, and takes the next derivative over the whole gap', () => {
    const pid = new Pid({ kp: 1, ki: 1, kd: 1 });
    pid.setpoint = 1;
    pid.update(0, DT);
    const integral = pid.integral;
    expect(pid.update(Number.NaN, DT)).toBe(0);
    expect(pid.update(Number.POSITIVE_INFINITY, DT)).toBe(0);
    expect(pid.integral).toBe(integral);
    const output = pid.update(0.3, DT);
    expect(output).toBeCloseTo(0.7 + integral + 0.7 * DT - 0.3 / (3 * DT), 12);
    expect(Number.isFinite(pid.update(0.3, DT))).toBe(true);
  });

  it('skips a tick with a bad dt or a NaN setpoint without touching its state', () => {
    const pid = new Pid({ kp: 1, ki: 1 });
    pid.setpoint = 1;
    pid.update(0, DT);
    const state = { ...pid };
    for (const dt of [0, -DT, Number.NaN, Number.POSITIVE_INFINITY]) expect(pid.update(0, dt)).toBe(0);
    expect({ ...pid, output: state.output }).toEqual(state);
    pid.setpoint = Number.NaN;
    expect(pid.update(0, DT)).toBe(0);
    expect(pid.integral).toBe(state.integral);
  });

  it('takes angular errors the short way round', () => {
    const pid = new Pid({ kp: 1, kd: 1, angular: true });
    pid.setpoint = Math.PI - 0.1;
    expect(pid.update(-Math.PI + 0.1, DT)).toBeCloseTo(-0.2, 12);
    expect(pid.update(Math.PI - 0.05, DT)).toBeCloseTo(-0.05 + 0.2 / DT - 0.2 / DT - 0.05 / DT + 0.2 / DT, 9);
  });

  it('keeps a finite output within its limits whatever it is fed', () => {
    const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, 0));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyNumber, anyNumber, fc.oneof(fc.double({ min: -1, max: 1 }), fc.constant(DT))), { maxLength: 50 }),
        (samples) => {
          const pid = new Pid({ kp: 2, ki: 1, kd: 0.1, outputMin: -3, outputMax: 3 });
          for (const [setpoint, measurement, dt] of samples) {
            pid.setpoint = setpoint;
            const output = pid.update(measurement, dt);
            expect(output >= -3 && output <= 3).toBe(true);
            expect(Number.isFinite(pid.integral)).toBe(true);
          }
        },
      ),
    );
  });

  it('rejects negative or non-finite gains and empty limits', () => {
    expect(() => new Pid({ kp: -1 })).toThrow(new BehaviourConfigError('Pid constructor failed: kp must be a finite number >= 0, got -1'));
    expect(() => new Pid({ kp: 1, ki: Number.NaN })).toThrow(/ki must be a finite number >= 0, got NaN/);
    expect(() => new Pid({ kp: 1, outputMin: 1, outputMax: 1 })).toThrow(/outputMin must be below outputMax, got 1 and 1/);
  });
});
