// Property tests draw from one fixed seed so every run checks the same cases;
// raise numRuns locally to explore further.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20_240_601, numRuns: 200 });
