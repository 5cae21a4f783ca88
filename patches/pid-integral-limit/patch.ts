// The manifest of this patch package: `tickswap patch build` bundles what it
// default-exports; in-process users (importPatchPackage, the controller's
// patch modules) take the same object, also exported as `patch`.
import { Pid } from '@tickswap/behaviours';
import type { PatchStep } from '@tickswap/dsu';
import { INTEGRAL_LIMIT, PidV1 } from './pid-v1';

/** Version 0 -> 1, and back (rollback carries the integral back as `integral`). */
export const patch: PatchStep = {
  from: '0',
  to: '1',
  classes: {
    Pid: { kind: 'replace', code: PidV1, rename: { integral: 'integralSum' }, add: { integralLimit: { value: INTEGRAL_LIMIT } } },
  },
  validations: {
    Pid: (pid) => (Math.abs((pid as PidV1).integralSum) <= (pid as PidV1).integralLimit ? undefined : `integralSum beyond ±${INTEGRAL_LIMIT}: the PID was wound up; retry when it is not`),
  },
  inverse: {
    from: '1',
    to: '0',
    classes: { Pid: { kind: 'replace', code: Pid, rename: { integralSum: 'integral' }, remove: ['integralLimit'] } },
  },
};

export default patch;
