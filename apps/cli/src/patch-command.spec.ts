import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleDigestError, loadTrustList, verifyBundle } from '@tickswap/patch-format';
import { CliUsageError } from './commands';
import { keysCommand } from './keys-command';
import { patchCommand } from './patch-command';

const DEMO = join(__dirname, '..', '..', '..', 'patches', 'pid-integral-limit');
let dir: string;
let printed: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickswap-cli-'));
  printed = [];
  jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Keys in `dir/keys` and the demo patch built and signed into `dir/pid.json`; returns the bundle path. */
async function signedDemo(): Promise<string> {
  const bundle = join(dir, 'pid.json');
  expect(await keysCommand.run(['new', '--out', join(dir, 'keys'), '--name', 'desk'])).toBe(0);
  expect(await patchCommand.run(['build', DEMO, '--out', bundle])).toBe(0);
  expect(await patchCommand.run(['sign', bundle, '--key', join(dir, 'keys', 'desk.key')])).toBe(0);
  return bundle;
}

describe('tickswap keys new, patch build, patch sign', () => {
  it('make a bundle a robot that trusts the new key accepts', async () => {
    const bundle = await signedDemo();
    const trustedKeys = await loadTrustList(join(dir, 'keys'));
    const verified = verifyBundle(await readFile(bundle), { trustedKeys, runningVersion: '0' });
    expect(verified.changes.classes['Pid']).toMatchObject({ kind: 'replace', rename: { integral: 'integralSum' } });
    expect(printed.join('\n')).toMatch(/wrote .*desk.key \(private: keep it secret and off the robots\) and .*desk.pub \(key id [0-9a-f]{16}\)/);
    expect(printed.join('\n')).toMatch(/built patch 1-[0-9a-f]{12} \(version 0 -> 1, [\d.]+ KiB of code, sha256:[0-9a-f]{64}\): wrote .*pid.json/);
    expect(printed.at(-1)).toMatch(new RegExp(`^signed patch ${verified.id} with key ${verified.signature.keyId}: wrote .*pid.json$`));
  });

  it('sign writes elsewhere with --out, and refuses a bundle changed since its build', async () => {
    const bundle = await signedDemo();
    expect(await patchCommand.run(['sign', bundle, '--key', join(dir, 'keys', 'desk.key'), '--out', join(dir, 'copy.json')])).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'copy.json'), 'utf8'))).toEqual(JSON.parse(await readFile(bundle, 'utf8')));
    const edited = JSON.parse(await readFile(bundle, 'utf8'));
    await writeFile(bundle, JSON.stringify({ ...edited, code: `${edited.code}\n// edited` }));
    await expect(patchCommand.run(['sign', bundle, '--key', join(dir, 'keys', 'desk.key')])).rejects.toThrow(BundleDigestError);
  });
});

describe('tickswap patch inspect', () => {
  it('prints the versions, digest, signer and declared changes', async () => {
    const bundle = await signedDemo();
    printed = [];
    expect(await patchCommand.run(['inspect', bundle])).toBe(0);
    const text = printed.join('\n');
    expect(text).toMatch(/^patch 1-[0-9a-f]{12} \(tickswap.patch\/1\)\n {2}version {4}0 -> 1\n {2}digest {5}sha256:[0-9a-f]{64} \(matches the content\)\n {2}signed by {2}key [0-9a-f]{16}\n/);
    expect(text).toContain('    Pid: replace (fields kp, ki, kd, outputMin, outputMax, angular, setpoint, integralSum, integralLimit, previousMeasurement, hasPrevious, skippedTime, output; add integralLimit; rename integral -> integralSum)');
    expect(text).toContain('\n  classes    shipped (@tickswap/behaviours as the package ships)\n');
    expect(text).toContain('    validated: Pid');
    expect(text).toContain('  inverse    1 -> 0\n    Pid: replace (');
  });

  it('exits 1 for a bundle whose digest does not match its content', async () => {
    const bundle = await signedDemo();
    const edited = JSON.parse(await readFile(bundle, 'utf8'));
    await writeFile(bundle, JSON.stringify({ ...edited, to: '2' }));
    printed = [];
    expect(await patchCommand.run(['inspect', bundle])).toBe(1);
    expect(printed.join('\n')).toContain('DOES NOT MATCH the content: changed after the build');
  });

  it('refuses a file that is not a bundle, saying why', async () => {
    await writeFile(join(dir, 'x.json'), '{"format": "tickswap.patch/9"}');
    await expect(patchCommand.run(['inspect', join(dir, 'x.json')])).rejects.toThrow(/^parseBundle failed: format the string "tickswap.patch\/9" is unknown/);
    await expect(patchCommand.run(['inspect', join(dir, 'none.json')])).rejects.toThrow(/^tickswap patch inspect failed: cannot read .*none.json/);
  });
});

describe('usage errors', () => {
  it.each([
    [['build', DEMO], "tickswap patch build: --out is required; usage: tickswap patch build <dir> --out <bundle.json>"],
    [['build', '--out', 'x.json'], 'tickswap patch build: expected 1 argument(s), got 0'],
    [['sign', 'a.json', 'b.json', '--key', 'k'], 'tickswap patch sign: expected 1 argument(s), got 2'],
    [['inspect', 'a.json', '--verbose'], "tickswap patch inspect: Unknown option '--verbose'"],
    [['deploy'], "tickswap patch: unknown subcommand 'deploy'; known: new, build, sign, inspect, publish, test"],
  ])('patch %j', async (args, message) => {
    await expect(patchCommand.run(args)).rejects.toThrow(CliUsageError);
    await expect(patchCommand.run(args)).rejects.toThrow(message);
  });

  it('keys new without --out', async () => {
    await expect(keysCommand.run(['new'])).rejects.toThrow('tickswap keys new: --out is required; usage: tickswap keys new --out <dir> [--name <name>]');
  });

  it('--help prints the usage: status 0; no subcommand: status 2', async () => {
    await expect(patchCommand.run(['sign', '--help'])).resolves.toBe(0);
    expect(printed.at(-1)).toBe('usage: tickswap patch sign <bundle.json> --key <file> [--out <file>]');
    await expect(patchCommand.run(['--help'])).resolves.toBe(0);
    await expect(keysCommand.run([])).resolves.toBe(2);
    expect(printed.at(-1)).toContain('tickswap keys new --out <dir> [--name <name>]');
  });
});
