/** Present Position counts per revolution. */
export const POSITION_COUNTS_PER_REVOLUTION = 4096;
/** One Goal/Present Velocity unit in rev/min. */
export const VELOCITY_UNIT_RPM = 0.229;

const RADIANS_PER_COUNT = (2 * Math.PI) / POSITION_COUNTS_PER_REVOLUTION;
const RADIANS_PER_SECOND_PER_UNIT = (VELOCITY_UNIT_RPM * 2 * Math.PI) / 60;

/**
 * Present Position counts to radians. Runs every tick: must not allocate.
 *
 * @example
 * radiansFromPosition(2048); // Math.PI
 */
export function radiansFromPosition(counts: number): number {
  return counts * RADIANS_PER_COUNT;
}

/**
 * Velocity units (0.229 rev/min) to rad/s. Runs every tick: must not allocate.
 *
 * @example
 * radiansPerSecondFromVelocity(1); // 0.02398...
 */
export function radiansPerSecondFromVelocity(units: number): number {
  return units * RADIANS_PER_SECOND_PER_UNIT;
}

/**
 * rad/s to the nearest velocity unit (0.229 rev/min). Runs every tick: must not allocate.
 *
 * @example
 * velocityFromRadiansPerSecond(Math.PI); // 131 (π rad/s = 30 rev/min)
 */
export function velocityFromRadiansPerSecond(radiansPerSecond: number): number {
  return Math.round(radiansPerSecond / RADIANS_PER_SECOND_PER_UNIT);
}

/**
 * Current units to amperes, given the model's unit (2.69 mA on the XM430).
 * Runs every tick: must not allocate.
 *
 * @example
 * amperesFromCurrent(100, XM430_W210.currentUnit); // 0.269
 */
export function amperesFromCurrent(units: number, amperesPerUnit: number): number {
  return units * amperesPerUnit;
}

/**
 * Radians to the nearest Present Position count (what a servo reports).
 * Runs every tick: must not allocate.
 *
 * @example
 * positionFromRadians(Math.PI); // 2048
 */
export function positionFromRadians(radians: number): number {
  return Math.round(radians / RADIANS_PER_COUNT);
}

/**
 * Amperes to the nearest current unit of the model (what a servo reports).
 * Runs every tick: must not allocate.
 *
 * @example
 * currentFromAmperes(0.269, XM430_W210.currentUnit); // 100
 */
export function currentFromAmperes(amperes: number, amperesPerUnit: number): number {
  return Math.round(amperes / amperesPerUnit);
}
