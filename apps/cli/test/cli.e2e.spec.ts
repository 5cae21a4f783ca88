// The `tickswap` command as a process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const tickswap = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', join(root, 'apps/cli/src/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('tickswap', () => {
  it('runs the controller with `run` and passes its options on', () => {
    const result = tickswap('run', '--duration', '0.5', '--timing', 'efficient');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/stopped \(requested\): motors commanded to zero, torque off/);
  });

  it('exits 2 for an unknown command', () => {
    const result = tickswap('fly');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'fly'; known: run/);
  });
});
