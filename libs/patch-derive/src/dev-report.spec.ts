import { devReportLines, type DevReport } from './dev-report';

const timings = { checkMs: 40, deriveMs: 10, buildMs: 20, gateMs: 300, commitMs: 5 };

describe('devReportLines', () => {
  it('prints a commit with its changes, verdict, downtime and where the time went', () => {
    const report: DevReport = { save: 3, outcome: 'committed', changes: ['Pid: replace (code changed)', '  + bias: number = 0'], message: 'the simulator gate accepted 1 -> 2', version: '2', timings, downtime: { boundaryMs: 0.234, missedTicks: 0 }, packageDir: '/tmp/dev/save-3' };
    expect(devReportLines(report)).toEqual([
      'save 3: Pid: replace (code changed)',
      'save 3:   + bias: number = 0',
      'save 3: committed, version 2 runs: the simulator gate accepted 1 -> 2; downtime 0.23 ms at the boundary, 0 tick(s) missed; save -> committed 375 ms (check 40, derive 10, build 20, gate 300, commit 5)',
      'save 3: package /tmp/dev/save-3 (for a robot: tickswap patch build, sign, publish)',
    ]);
  });

  it('prints a refusal on as many lines as its message has', () => {
    const report: DevReport = { save: 1, outcome: 'type-errors', changes: [], message: '1 type error(s), fix them and save again:\n  pid.ts:3:1: bad', version: '0', timings };
    expect(devReportLines(report)).toEqual(['save 1: not applied (type-errors), version 0 runs: 1 type error(s), fix them and save again:', 'save 1:   pid.ts:3:1: bad']);
    expect(devReportLines({ ...report, outcome: 'unchanged', message: 'no behaviour class changed' })).toEqual(['save 1: nothing to apply, version 0 runs: no behaviour class changed']);
  });
});
