/**
 * A physics model was built with parameters it cannot simulate (a
 * non-positive time constant, a step too coarse for the friction, ...).
 * Thrown at construction, never while stepping.
 *
 * @example
 * try { new ServoBank([], 0); } catch (e) { if (e instanceof PhysicsParameterError) console.error(e.message); }
 */
export class PhysicsParameterError extends Error {
  override readonly name = 'PhysicsParameterError';
}
