import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` exists only with --expose-gc; the flag can be set at run time, and a new context then sees the function.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Runs a full garbage collection now, so that a measured round does not
 * pay for the garbage of the one before it.
 *
 * @example
 * collectGarbage(); // then start the loop
 */
export function collectGarbage(): void {
  gc();
}
