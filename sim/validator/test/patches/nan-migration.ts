// A patch whose migration turns every PID's gain into NaN.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output) => output, { transform: { kp: () => Number.NaN } });
