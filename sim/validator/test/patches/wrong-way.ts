// A patch that steers the wrong way: it runs without a fault (the mission
// stops driving forward when it faces away, so it even stays near its
// square), but its heading never comes back to the running version's.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output) => -output, {
  gate: {
    checks: [
      { kind: 'near-square', toleranceM: 0.2 },
      { kind: 'settles', signal: 'heading-divergence', tolerance: 0.1, withinS: 1.5 },
    ],
  },
});
