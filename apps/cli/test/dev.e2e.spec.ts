// `tickswap dev` as a process, on a temporary copy of the behaviour sources:
// the controller drives the simulated robot in real time while each save
// becomes a patch. Waits for what it prints, never for a time.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tickswap/mqtt-link/testing';
import { spawnScript, type SpawnedProcess } from './spawned-process';

const BEHAVIOURS = join(__dirname, '..', '..', '..', 'libs', 'behaviours', 'src');
const MINUTE = 60_000;

// The watch after a commit judges the new version by the deadlines it meets: on a loaded shared machine it can roll a
// good save back; a genuine fault fails every attempt, preemption does not (each failed attempt is logged).
jest.retryTimes(2, { logErrorsBeforeRetry: true });
let dir = '';
let dev: SpawnedProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickswap-dev-e2e-'));
  await cp(BEHAVIOURS, join(dir, 'src'), { recursive: true });
});
afterEach(async () => {
  dev?.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

async function editPid(edit: (text: string) => string): Promise<void> {
  const file = join(dir, 'src', 'pid.ts');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

describe('tickswap dev', () => {
  it('commits each good save to the running simulated robot, shows a type error without applying it, and stops on SIGTERM', async () => {
    const args = ['dev', '--src', join(dir, 'src'), '--journal', join(dir, 'updates.log'), '--broker-port', String(await freePort()), '--dashboard-port', '0', '--timing', 'efficient'];
    const running = spawnScript('apps/cli/src/main.ts', args);
    dev = running;
    await running.printed(/dev: watching .*src; each save becomes a patch from version 0 on/, 2 * MINUTE);

    await editPid((t) => t.replace("'integral',", "'integralSum', 'bias',").replace('integral = 0;', 'integralSum = 0;\n  bias = 0;').replace(/this\.integral\b/g, 'this.integralSum'));
    await running.printed(/dev save 1: committed/, 2 * MINUTE);
    expect(running.output.stdout).toContain('dev save 1: Pid: replace (code changed)');
    expect(running.output.stdout).toMatch(/dev save 1: {3}~ integral -> integralSum \(guessed, score [\d.]+; override with --rename Pid\.integral=<field> or --no-rename Pid\.integral\)/);
    expect(running.output.stdout).toContain('dev save 1:   + bias: number = 0');
    expect(running.output.stdout).toMatch(
      /dev save 1: committed, version 1 runs: the simulator gate accepted 0 -> 1: 2\.000 s simulated on the physics.*; downtime [\d.]+ ms at the boundary, \d+ tick\(s\) missed; save -> committed \d+ ms \(check \d+, derive \d+, build \d+, gate \d+, commit \d+\)/,
    );
    // The same commit, as the hot swap's update log prints it (and the dashboard marks it).
    expect(running.output.stdout).toMatch(/update 1-[0-9a-f]{12}: committed version 0 -> 1 at tick \d+ \(prepared\)/);

    await editPid((t) => t.replace('bias = 0;', "bias: number = 'zero';"));
    await running.printed(/dev save 2: not applied \(type-errors\), version 1 runs: 1 type error\(s\), fix them and save again:\ndev save 2: {3}pid\.ts:\d+:\d+: Type 'string' is not assignable to type 'number'\./, 2 * MINUTE);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output.stdout).toMatch(/stopped \(requested\): motors commanded to zero, torque off/);
    expect(running.output.stderr).toBe('');
  }, 6 * MINUTE);
});
