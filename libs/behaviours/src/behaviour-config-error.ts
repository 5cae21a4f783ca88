/**
 * A behaviour was constructed with settings it cannot run with (a negative
 * gain, a robot without a left wheel, ...). Thrown by constructors only,
 * never by `update`.
 *
 * @example
 * try { new Pid({ kp: -1 }); } catch (e) { if (e instanceof BehaviourConfigError) console.error(e.message); }
 */
export class BehaviourConfigError extends Error {
  override readonly name = 'BehaviourConfigError';
}

/**
 * Returns `value` when it is a finite number accepted by `accepts`, or throws
 * a {@link BehaviourConfigError} from `method` naming the setting.
 *
 * @example
 * const side = checkedSetting('SquareMission constructor', 'sideLength', 1, 'a positive number of metres', (n) => n > 0);
 */
export function checkedSetting(
  method: string,
  name: string,
  value: number,
  expectation: string,
  accepts: (n: number) => boolean,
): number {
  if (Number.isFinite(value) && accepts(value)) return value;
  throw new BehaviourConfigError(`${method} failed: ${name} must be ${expectation}, got ${value}`);
}
