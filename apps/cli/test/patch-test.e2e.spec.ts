// `tickswap patch test` as a process: exit 0 accepted, 1 rejected, 2 usage error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const plot = join(mkdtempSync(join(tmpdir(), 'tickswap-patch-test-e2e-')), 'gate.svg');
const patchTest = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', join(root, 'apps/cli/src/main.ts'), 'patch', 'test', ...args, '--plot', plot, '--time-limit', '30000'], {
    cwd: root,
    encoding: 'utf8',
  });

describe('tickswap patch test (process)', () => {
  it('exits 0 for a patch the gate accepts, and writes the plot', () => {
    const result = patchTest('patches/pid-integral-limit', '--horizon', '2');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\naccepted 0 -> 1: /);
    expect(readFileSync(plot, 'utf8')).toMatch(/^<svg /);
  }, 30_000);

  it('exits 1 for a patch the gate rejects', () => {
    const result = patchTest('sim/validator/test/patches/overdrive.ts', '--horizon', '1');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/\nrejected 0 -> 1: motor-limits failed at 0\.000 s \(commands\.velocity\[[01]\]\)/);
  }, 30_000);

  it('exits 2 for a usage error', () => {
    const result = patchTest();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^tickswap patch test: expected 1 argument\(s\), got 0; usage: tickswap patch test <patch folder/);
  }, 30_000);
});
