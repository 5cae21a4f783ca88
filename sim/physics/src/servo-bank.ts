import { PhysicsParameterError } from './physics-parameter-error';
import { checkServoParameters, type ServoParameters } from './servo-parameters';

const METHOD = 'ServoBank constructor';

/**
 * Velocity-controlled servos stepped together at a fixed step, state held in
 * structure-of-arrays typed arrays (index = servo).
 *
 * Model, per servo: the controller wants the exact first-order response
 * v → g + (v − g)·e^(−h/τ) toward the goal g (clamped to ±maxVelocity); it
 * commands the current that makes it happen against Coulomb and viscous
 * friction, clamped to ±maxCurrent; the load then accelerates by
 * (Kt·i − friction)/J. So while the current limit is not reached the velocity
 * follows the analytic first-order solution exactly (up to rounding), and
 * beyond it acceleration is bounded. Friction stops a coasting motor but never
 * reverses it. Position is integrated by the trapezoidal rule. No randomness
 * and no clock: the same goals give bit-identical states.
 *
 * @example
 * const servos = new ServoBank([params, params], 0.0005);
 * servos.torqueEnabled.fill(1);
 * servos.goal[0] = 2;
 * for (let k = 0; k < 2000; k++) servos.advance(); // 1 s later
 * servos.velocity[0]; // ≈ 2
 */
export class ServoBank {
  readonly count: number;
  /** Fixed step, s. */
  readonly step: number;
  /** Output shaft position, rad. */
  readonly position: Float64Array;
  /** Output shaft velocity, rad/s. */
  readonly velocity: Float64Array;
  /** Present current, A (0 with torque off). */
  readonly current: Float64Array;
  /** Goal velocity, rad/s; written by the bus, clamped to ±maxVelocity by the servo. */
  readonly goal: Float64Array;
  /** 1 = torque on (servo drives toward its goal), 0 = coasting. */
  readonly torqueEnabled: Uint8Array;
  private readonly decay: Float64Array;
  private readonly parameters: readonly ServoParameters[];

  constructor(parameters: readonly ServoParameters[], step: number) {
    if (!(Number.isFinite(step) && step > 0)) {
      throw new PhysicsParameterError(`${METHOD} failed: step must be a positive finite number of seconds, got ${step}`);
    }
    parameters.forEach((p, index) => checkServoParameters(METHOD, index, p, step));
    this.count = parameters.length;
    this.step = step;
    this.parameters = parameters.map((p) => ({ ...p }));
    this.decay = Float64Array.from(parameters, (p) => Math.exp(-step / p.timeConstant));
    this.position = new Float64Array(this.count);
    this.velocity = new Float64Array(this.count);
    this.current = new Float64Array(this.count);
    this.goal = new Float64Array(this.count);
    this.torqueEnabled = new Uint8Array(this.count);
  }

  /**
   * Advances every servo by one step.
   * Runs many times per tick: must not allocate, must not block.
   */
  advance(): void {
    for (let i = 0; i < this.count; i++) this.advanceServo(i);
  }

  private advanceServo(i: number): void {
    const p = this.parameters[i] as ServoParameters;
    const h = this.step;
    const v = this.velocity[i] as number;
    let drive = 0;
    if (this.torqueEnabled[i] === 1) {
      const goal = clampGoal(this.goal[i] as number, p.maxVelocity);
      const wanted = (goal + (v - goal) * (this.decay[i] as number) - v) / h;
      const opposing = v !== 0 ? Math.sign(v) : Math.sign(wanted);
      const torque = p.inertia * wanted + p.coulombFriction * opposing + p.viscousFriction * v;
      drive = Math.max(-p.maxCurrent, Math.min(p.maxCurrent, torque / p.torqueConstant)) * p.torqueConstant;
    }
    this.current[i] = drive / p.torqueConstant;
    let next = 0;
    const stuck = Math.abs(drive) <= p.coulombFriction;
    if (v !== 0 || !stuck) {
      const opposing = v !== 0 ? Math.sign(v) : Math.sign(drive);
      next = v + ((drive - p.coulombFriction * opposing - p.viscousFriction * v) / p.inertia) * h;
      if (stuck && next * v < 0) next = 0;
    }
    this.velocity[i] = next;
    this.position[i] = (this.position[i] as number) + 0.5 * (v + next) * h;
  }
}

/** The goal the servo acts on: within ±max, and 0 for a NaN goal (it holds still). */
function clampGoal(goal: number, max: number): number {
  if (goal > max) return max;
  if (goal < -max) return -max;
  return goal === goal ? goal : 0;
}
