// A good patch: the heading PID becomes proportional only, the robot keeps to its square.
import { headingControllerPatch } from './heading-controller';

export const patch = headingControllerPatch((output) => output, {
  gate: {
    checks: [
      { kind: 'near-square', toleranceM: 0.2 },
      { kind: 'settles', signal: 'pose-divergence', tolerance: 0.05, withinS: 1.5 },
      { kind: 'predicate', name: 'reaches a corner', test: (runs) => (runs.candidate.length > 0 ? undefined : 'no tick ran') },
    ],
  },
});
