// Writes each project's test totals to `<project>/test-output/totals.json`, so
// `tools/scripts/test.mjs` can print one line for the whole workspace even when
// Nx replays a cached run (the file is a declared output of the test target).
const fs = require('node:fs');
const path = require('node:path');

class JestTotalsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(this.rootDir, 'test-output');
    fs.mkdirSync(dir, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, 'totals.json'), JSON.stringify(totals) + '\n');
  }
}

module.exports = JestTotalsReporter;
