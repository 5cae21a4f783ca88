const TURN = 2 * Math.PI;

/**
 * The same direction as `angle` (rad), within (−π, π].
 * Runs every tick: allocates nothing.
 *
 * @example
 * wrapAngle(3 * Math.PI / 2); // −π/2
 */
export function wrapAngle(angle: number): number {
  const within = angle - TURN * Math.round(angle / TURN);
  return within <= -Math.PI ? within + TURN : within;
}
