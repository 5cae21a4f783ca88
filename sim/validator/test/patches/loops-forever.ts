// A patch whose controller never returns once it has run a simulated second.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output, elapsedS) => {
  while (elapsedS >= 1) {
    // spins: the gate's time limit must stop it
  }
  return output;
});
