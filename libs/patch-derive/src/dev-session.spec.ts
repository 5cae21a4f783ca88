// DevSession against a fake robot (the host): what it derives, builds and
// hands over per save, and what it reports. The controller's own host is
// tested end to end in apps/controller.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle, type SignedPatchBundle } from '@tickswap/patch-format';
import type { DevApplyOutcome, DevHost } from './dev-host';
import type { DevReport } from './dev-report';
import { DevSession } from './dev-session';

/** A robot that takes or refuses what it is given, as told, and keeps what it was given. */
class FakeRobot implements DevHost {
  running = '0';
  answer: DevApplyOutcome['outcome'] = 'committed';
  readonly given: SignedPatchBundle[] = [];

  version(): string {
    return this.running;
  }

  async apply(bundle: SignedPatchBundle, trustedKeys: Parameters<DevHost['apply']>[1]): Promise<DevApplyOutcome> {
    verifyBundle(bundle, { trustedKeys, runningVersion: this.running });
    this.given.push(bundle);
    if (this.answer === 'committed') this.running = bundle.to;
    return { outcome: this.answer, version: this.running, reason: `${this.answer} by the fake robot`, gateMs: 1, commitMs: 1 };
  }
}

let dir = '';
let src = '';
let robot: FakeRobot;
let reports: DevReport[];
let session: DevSession;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickswap-session-'));
  src = join(dir, 'src');
  await cp(join(__dirname, '..', '..', 'behaviours', 'src'), src, { recursive: true });
  robot = new FakeRobot();
  reports = [];
  // The engineer's rename holds for the save it is for and is no obstacle to the others.
  const choices = { rename: { 'Pid.integral': 'integralSum' } };
  session = new DevSession({ src, workDir: join(dir, 'work'), host: robot, report: (report) => void reports.push(report), debounceMs: 20, choices });
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

async function editPid(change: (text: string) => string): Promise<void> {
  await writeFile(join(src, 'pid.ts'), change(await readFile(join(src, 'pid.ts'), 'utf8')));
}
const renameIntegral = (t: string) => t.replace("'integral',", "'integralSum',").replace('integral = 0;', 'integralSum = 0;').replace(/this\.integral\b/g, 'this.integralSum');

describe('DevSession', () => {
  it('hands a signed bundle of the derived patch to the robot, and derives the next save from the version it committed', async () => {
    await editPid(renameIntegral);
    const first = await session.save();
    expect(first).toMatchObject({ save: 1, outcome: 'committed', version: '1', message: 'committed by the fake robot' });
    expect(robot.given[0]).toMatchObject({ from: '0', to: '1', changes: { classes: { Pid: { kind: 'replace', rename: { integral: 'integralSum' } } } } });
    expect(first.changes).toContain('  ~ integral -> integralSum (given)');
    expect(first.timings.buildMs).toBeGreaterThan(0);
    expect(first.packageDir).toBe(join(dir, 'work', 'save-1'));
    expect(existsSync(join(dir, 'work', 'save-1', 'patch.ts'))).toBe(true);
    expect(await session.save()).toMatchObject({ save: 2, outcome: 'unchanged', version: '1', changes: ['no behaviour class changed'] });
    expect(reports.map((report) => report.save)).toEqual([1, 2]);
  }, 60_000);

  it('derives again from the running version after a refusal', async () => {
    robot.answer = 'refused';
    await editPid(renameIntegral);
    expect(await session.save()).toMatchObject({ outcome: 'refused', version: '0' });
    robot.answer = 'committed';
    expect(await session.save()).toMatchObject({ outcome: 'committed', version: '1' });
    expect(robot.given.map((bundle) => [bundle.from, bundle.to])).toEqual([['0', '1'], ['0', '1']]);
  }, 60_000);

  it('reports a change that needs a migration with its stub in the pending package, and gives the robot nothing', async () => {
    await editPid((t) => t.replace('kd: number;', 'kd: number[];').replace("this.kd = gain('kd', options.kd ?? 0);", "this.kd = [gain('kd', options.kd ?? 0)];").replace('-this.kd *', '-(this.kd[0] ?? 0) *'));
    const report = await session.save();
    expect(report).toMatchObject({ outcome: 'stubs', version: '0' });
    expect(report.message).toContain(`${join(dir, 'work', 'pending', 'patch.ts')}: Pid.kd changed type from number to number[]`);
    expect(existsSync(join(dir, 'work', 'pending', 'patch.ts'))).toBe(true);
    expect(robot.given).toEqual([]);
  }, 60_000);

  it('reports type errors and sources it cannot derive from, and gives the robot nothing', async () => {
    await editPid((t) => t.replace('  setpoint = 0;', "  setpoint: number = 'zero';"));
    expect(await session.save()).toMatchObject({ outcome: 'type-errors', version: '0', message: expect.stringMatching(/^1 type error\(s\), fix them and save again:\n {2}pid\.ts:\d+:\d+: Type 'string'/) });
    await editPid((t) => t.replace("  setpoint: number = 'zero';", '  setpoint = 0;'));
    await writeFile(join(src, 'twin.ts'), "import { Behaviour } from './behaviour';\nexport class Pid extends Behaviour<number, number> {\n  static readonly fields = [] as const;\n  update(): number {\n    return 0;\n  }\n}\n");
    expect(await session.save()).toMatchObject({ outcome: 'failed', message: expect.stringContaining('readClasses failed: class Pid is declared in pid.ts and in twin.ts') });
    expect(robot.given).toEqual([]);
  }, 60_000);

  it('takes a save by itself when a source file is written', async () => {
    session.start();
    await editPid(renameIntegral);
    while (reports.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reports[0]).toMatchObject({ save: 1, outcome: 'committed' });
  }, 60_000);
});
