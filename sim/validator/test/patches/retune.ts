// A patch 1 -> 2 on top of `good`: the heading controller answers 10 % softer.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output) => 0.9 * output, { from: '1', gate: { checks: [{ kind: 'near-square', toleranceM: 0.2 }] } });
