// `tickswap keys` and `tickswap patch` as processes: the exit status says ok (0), refused (1) or usage error (2).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const tickswap = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', join(root, 'apps/cli/src/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('tickswap keys and patch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tickswap-cli-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = join(dir, 'pid.bundle.json');

  it('create keys, build, sign and inspect the demo patch (status 0)', () => {
    expect(tickswap('keys', 'new', '--out', join(dir, 'keys'))).toMatchObject({ status: 0, stdout: expect.stringMatching(/tickswap.key .*tickswap.pub \(key id [0-9a-f]{16}\)/) });
    expect(tickswap('patch', 'build', 'patches/pid-integral-limit', '--out', bundle)).toMatchObject({ status: 0 });
    expect(tickswap('patch', 'sign', bundle, '--key', join(dir, 'keys', 'tickswap.key'))).toMatchObject({ status: 0 });
    const inspected = tickswap('patch', 'inspect', bundle);
    expect(inspected.status).toBe(0);
    expect(inspected.stdout).toMatch(/version {4}0 -> 1\n.*matches the content\)\n {2}signed by {2}key [0-9a-f]{16}/);
  });

  it('exits 1 when refusing: a bundle changed after its build', () => {
    const edited = JSON.parse(readFileSync(bundle, 'utf8'));
    writeFileSync(join(dir, 'edited.json'), JSON.stringify({ ...edited, code: `${edited.code};` }));
    const signing = tickswap('patch', 'sign', join(dir, 'edited.json'), '--key', join(dir, 'keys', 'tickswap.key'));
    expect(signing.status).toBe(1);
    expect(signing.stderr).toMatch(/^signBundle failed: the digest does not match the content/);
    expect(tickswap('patch', 'inspect', join(dir, 'edited.json')).status).toBe(1);
  });

  it('exits 2 for a usage error', () => {
    const result = tickswap('patch', 'build', 'patches/pid-integral-limit');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out is required; usage: tickswap patch build <dir> --out <bundle.json>/);
  });
});
