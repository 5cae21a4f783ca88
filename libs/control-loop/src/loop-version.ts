import { LoopConfigError } from './loop-config-error';

/**
 * The number a loop records for a namespace version (tick records hold
 * numbers): the version must be a decimal number, e.g. `'3'`.
 *
 * @example
 * loopVersion('3', 'HotSwap#attach'); // 3
 * loopVersion('v3', 'HotSwap#attach'); // throws LoopConfigError
 */
export function loopVersion(version: string, method: string): number {
  const value = Number(version);
  if (version.trim() !== '' && Number.isFinite(value)) return value;
  throw new LoopConfigError(`${method} failed: the loop records versions as numbers, and version '${version}' is not one; number the versions ('1', '2', ...)`);
}
