// A patch that ends the thread it runs in half a simulated second after the commit.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output, elapsedS) => (elapsedS >= 0.5 ? process.exit(3) : output));
