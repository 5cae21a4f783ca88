import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { LiveSystem, Namespace } from '@tickswap/dsu';
import { createMotorReadings } from '@tickswap/motor-bus';
import { buildBundle, signBundle } from '@tickswap/patch-format';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { captureLiveState, writeLiveState } from '@tickswap/validator';
import { CliUsageError } from './commands';
import { patchTestCommand } from './patch-test-command';

const root = join(__dirname, '..', '..', '..');
const DEMO = join(root, 'patches', 'pid-integral-limit');
const THROWS_AT_3 = join(root, 'sim', 'validator', 'test', 'patches', 'throws-at-3.ts');
const dir = mkdtempSync(join(tmpdir(), 'tickswap-patch-test-'));
const plot = join(dir, 'gate.svg');
// Generous: the gate's worker runs at niceness 19 while the test runner keeps the machine busy.
const LIMIT = ['--time-limit', '30000'];

/** Runs the command in this process; what it printed on stdout, and its exit status. */
async function patchTest(...args: string[]): Promise<{ status: number; stdout: string }> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const status = await patchTestCommand.run([...args, ...LIMIT]);
    return { status, stdout: lines.join('\n') };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

describe('tickswap patch test', () => {
  it('accepts the demo package from the robot description, with a table of its checks and a plot of both runs (status 0)', async () => {
    const { status, stdout } = await patchTest(DEMO, '--horizon', '2', '--plot', plot);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^tickswap patch test .*pid-integral-limit: from the initial state of reference-diff-drive, on the physics of reference-diff-drive$/m);
    expect(stdout).toMatch(/^check +result +figure +at +where$/m);
    expect(stdout).toMatch(/^tick-budget +passed +p99 [\d.]+ µs, max [\d.]+ µs$/m);
    expect(stdout).toMatch(/^divergence from the running version: pose /m);
    expect(stdout).toMatch(/^accepted 0 -> 1: 2\.000 s simulated on the physics/m);
    expect(readFileSync(plot, 'utf8')).toMatch(/^<svg [^]*tickswap patch test pid-integral-limit[^]*<\/svg>\n$/);
  }, 30_000);

  it('rejects a patch that throws, naming the check, the time and the instance (status 1)', async () => {
    const { status, stdout } = await patchTest(THROWS_AT_3, '--horizon', '4', '--plot', plot);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^no-throw +failed +HeadingController\.update threw Error: simulated fault 3 s after the commit +3\.\d{3} s +root\.behaviour\.heading$/m);
    expect(stdout).toMatch(/^rejected 0 -> 1: no-throw failed at 3\.\d{3} s \(root\.behaviour\.heading\)/m);
  }, 30_000);

  it('tests a signed bundle with the keys a robot trusts, from a saved live state', async () => {
    const keys = generateKeyPairSync('ed25519');
    writeFileSync(join(dir, 'desk.pub'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
    const bundle = join(dir, 'pid.bundle.json');
    writeFileSync(bundle, JSON.stringify(signBundle(await buildBundle(DEMO), keys.privateKey)));
    const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
    const live = new LiveSystem(Namespace.of('0', BEHAVIOUR_CLASSES), { behaviour: new SquareMission(robot, { sideLength: 0.5 }) });
    writeLiveState(join(dir, 'state.json'), captureLiveState(live, createMotorReadings(2)));
    const { status, stdout } = await patchTest(bundle, '--trust', dir, '--snapshot', join(dir, 'state.json'), '--horizon', '1', '--plot', plot);
    expect(status).toBe(0);
    expect(stdout).toMatch(/from the live state saved in .*state\.json, on the physics of reference-diff-drive/);
  }, 30_000);

  it.each([
    [['/nowhere/patch.ts'], /^tickswap patch test: \/nowhere\/patch\.ts does not exist; give a patch package folder, a patch module \(\.ts\) or a signed bundle \(\.json\)$/],
    [[root], /is a folder without patch\.ts/],
    [[DEMO, '--horizon', 'long'], /^tickswap patch test: --horizon must be a positive number, got 'long'$/],
    [[join(root, 'package.json')], /^tickswap patch test: a bundle is verified as a robot verifies it: give --trust/],
  ])('refuses %j as a usage error, before any gate', async (args, message) => {
    const run = patchTest(...args);
    await expect(run).rejects.toThrow(CliUsageError);
    await expect(run).rejects.toThrow(message);
  });
});
