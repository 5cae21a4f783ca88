import { PatchVersionError } from './errors';
import { stepsOf, type ComposedPatch, type Patch } from './patch';

/**
 * One patch doing `first` then `second` as a single atomic update (one
 * prepare, one validation, one commit). Its application validations are the
 * last step's. Refuses patches that do not follow each other.
 *
 * @example
 * live.update(compose(v1to2, v2to3)); // same state as live.update(v1to2); live.update(v2to3)
 */
export function compose(first: Patch, second: Patch): ComposedPatch {
  if (first.to !== second.from) {
    throw new PatchVersionError(`compose failed: the first patch produces version '${first.to}' but the second applies to '${second.from}'; compose patches in the order they apply`);
  }
  return { from: first.from, to: second.to, steps: [...stepsOf(first), ...stepsOf(second)] };
}
