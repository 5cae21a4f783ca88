// Property tests draw a fixed, reproducible sample so a run never flakes;
// set FAST_CHECK_SEED to explore another one (a failure prints its seed).
const fc = require('fast-check');

fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20251125) });
