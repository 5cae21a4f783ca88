// Shared Jest settings: every project's jest.config.cjs spreads this.
// Workspace libraries are resolved to their TypeScript sources through the
// `@tickswap/source` export condition, so tests never need a build step.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@tickswap/source', 'node', 'require', 'default'],
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  passWithNoTests: true,
  // A handle leaked by a failing real-time test (a serial port, a broker socket)
  // must not keep the run alive until CI's time limit: the failure is reported, the run ends.
  forceExit: true,
  reporters: ['default', path.join(__dirname, 'tools/scripts/jest-totals-reporter.cjs')],
};
