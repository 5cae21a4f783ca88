import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';

/**
 * A piece of robot behaviour run by the control loop. The behaviour the
 * controller runs takes the motors' readings and fills their commands; the
 * parts it is built from (a PID, the drive kinematics, odometry) are
 * behaviours too, with their own input and output.
 *
 * The contract every behaviour keeps:
 * - `update(input, dt)` is called once per tick with that tick's sensor input
 *   and time step `dt` (s). It runs every tick: it must not block (no I/O, no
 *   waiting, no awaiting) and must not allocate — it writes its result into an
 *   output it allocated once (a field) and returns that, or returns a number.
 * - It never throws on bad sensor values (NaN, infinite, `dt` ≤ 0): each
 *   behaviour documents what it does with them, and one bad tick must not
 *   poison its state for the ticks after.
 * - For hot swap (a patch migrates live instances to a new class version by
 *   reading and writing their own properties and replacing their prototype),
 *   all state lives in plain own instance fields: numbers, booleans, strings,
 *   typed arrays, plain objects and arrays, and references to other behaviour
 *   instances (that is how behaviours compose). No `#private` fields, no
 *   functions or closures in state, no module-level variables (a `static`
 *   field if state must be shared by a class, listed in `static staticFields`).
 *   Every class lists the instance fields it declares itself, in declaration
 *   order, in `static readonly fields` (inherited ones come from its
 *   superclass's list): JavaScript has no field metadata, and the migration
 *   library will not run constructors to find them.
 *
 * @example
 * class Stop extends Behaviour {
 *   static readonly fields = ['commands'] as const;
 *   readonly commands = createMotorCommands(2);
 *   update(_readings: MotorReadings, _dt: number): MotorCommands {
 *     return this.commands; // all goals stay 0
 *   }
 * }
 */
export abstract class Behaviour<TInput = MotorReadings, TOutput = MotorCommands> {
  /**
   * Computes this tick's output from this tick's input.
   * Runs every tick: must not allocate, must not block.
   */
  abstract update(input: TInput, dt: number): TOutput;
}
