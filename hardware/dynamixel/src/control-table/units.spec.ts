import fc from 'fast-check';
import { XM430_W210 } from './dynamixel-model';
import {
  amperesFromCurrent,
  currentFromAmperes,
  positionFromRadians,
  radiansFromPosition,
  radiansPerSecondFromVelocity,
  velocityFromRadiansPerSecond,
} from './units';
import { baudRateRegister, PRESENT_STATE, XSeries } from './x-series';

describe('X-series units and table', () => {
  it('converts to SI', () => {
    expect(radiansFromPosition(4096)).toBeCloseTo(2 * Math.PI, 12);
    expect(radiansFromPosition(-1024)).toBeCloseTo(-Math.PI / 2, 12);
    // 1 unit = 0.229 rev/min = 0.229 × 2π / 60 rad/s.
    expect(radiansPerSecondFromVelocity(1)).toBeCloseTo(0.0239808, 6);
    expect(velocityFromRadiansPerSecond(Math.PI)).toBe(131);
    expect(amperesFromCurrent(-100, XM430_W210.currentUnit)).toBeCloseTo(-0.269, 9);
  });

  it('converts SI back to the nearest register value, the inverse of the readings', () => {
    expect(positionFromRadians(-Math.PI / 2)).toBe(-1024);
    expect(currentFromAmperes(-0.269, XM430_W210.currentUnit)).toBe(-100);
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -32768, max: 32767 }), (counts, units) => {
        expect(positionFromRadians(radiansFromPosition(counts))).toBe(counts);
        expect(currentFromAmperes(amperesFromCurrent(units, XM430_W210.currentUnit), XM430_W210.currentUnit)).toBe(units);
      }),
    );
  });

  it('rounds a velocity goal to within half a unit', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (goal) => {
        const units = velocityFromRadiansPerSecond(goal);
        expect(Math.abs(radiansPerSecondFromVelocity(units) - goal)).toBeLessThanOrEqual(radiansPerSecondFromVelocity(0.5) + 1e-12);
      }),
    );
  });

  it('reads current, velocity and position as one contiguous block', () => {
    expect(XSeries.presentVelocity.address).toBe(PRESENT_STATE.address + XSeries.presentCurrent.size);
    expect(XSeries.presentPosition.address).toBe(XSeries.presentVelocity.address + XSeries.presentVelocity.size);
    expect(PRESENT_STATE.address + PRESENT_STATE.size).toBe(XSeries.presentPosition.address + XSeries.presentPosition.size);
    expect(baudRateRegister(1_000_000)).toBe(3);
    expect(baudRateRegister(250_000)).toBe(-1);
  });
});
