import type { AnyClass, PatchStep, ReplaceClass } from '@tickswap/dsu';
import { loadPatchModule } from '../src/patch-modules';

/**
 * The demo patch package (`patches/pid-integral-limit`), loaded the way the
 * controller loads it, and the new PID class it brings.
 *
 * @example
 * const { patch, PidV1 } = await demoPatch();
 */
export async function demoPatch(): Promise<{ patch: PatchStep; PidV1: AnyClass }> {
  const patch = (await loadPatchModule('pid-integral-limit')) as PatchStep;
  return { patch, PidV1: (patch.classes?.['Pid'] as ReplaceClass).code };
}
