// Public API of @tickswap/bench (for suites): every export is named here.
export type { BenchSuite } from './suite';
export { fmt, median, percentile, table } from './statistics';
export { machineLine, recordSection } from './record';
