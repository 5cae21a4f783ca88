import { CliUsageError } from './commands';
import { patchPublishCommand } from './patch-publish-command';
import { resultLine } from './result-line';
import { statusCommand } from './status-command';

const envelope = { v: 1 as const, robot: 'sim-1', at: '2026-01-01T00:00:00.000Z', patchId: '1-abc' };

describe('tickswap patch publish and status', () => {
  it.each([
    [['pid.json'], /--robot is required/],
    [['--robot', 'sim-1'], /expected 1 argument/],
    [['pid.json', '--robot', 'sim-1', '--broker', 'http://x'], /mqtt:\/\/host:port/],
    [['pid.json', '--robot', 'sim-1', '--timeout', '0'], /--timeout must be a positive number/],
    [['missing.json', '--robot', 'sim-1'], /cannot read missing.json/],
  ])('refuses %j as a usage error', async (argv, message) => {
    const run = patchPublishCommand.run(argv);
    await expect(run).rejects.toThrow(CliUsageError);
    await expect(patchPublishCommand.run(argv)).rejects.toThrow(message);
  });

  it('refuses a bad broker for status', async () => {
    await expect(statusCommand.run(['--broker', 'mqtts://x:8883', '--broker-cert', 'c.pem'])).rejects.toThrow(CliUsageError);
  });

  it('prints each stage, the gate that did not run and the downtime', () => {
    expect(resultLine({ ...envelope, stage: 'validated', from: '0', to: '1', gate: { ticks: 0, elapsedMs: 0, metrics: {} } })).toBe('verified 0 -> 1; gate: not run');
    const timings = { queuedMs: 0.1, verifyMs: 1.5, gateMs: 54, commitMs: 3.25, watchMs: 1000 };
    expect(resultLine({ ...envelope, stage: 'committed', version: '1', downtime: { boundaryMs: 0.21, latenessMs: null, missedTicks: 0 }, timings })).toBe(
      'committed: version 1; downtime: boundary 0.210 ms, next tick late -, 0 ticks missed; robot time: queued 0.100 ms, verify 1.500 ms, gate 54.000 ms, commit 3.250 ms, watch 1000.000 ms',
    );
    expect(resultLine({ ...envelope, stage: 'rejected', reason: 'replay', message: 'again' })).toBe('rejected (replay): again');
  });
});
