// A patch whose controller throws three simulated seconds after the commit.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output, elapsedS) => {
  if (elapsedS >= 3) throw new Error('simulated fault 3 s after the commit');
  return output;
});
