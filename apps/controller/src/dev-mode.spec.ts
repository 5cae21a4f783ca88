// Live development end to end in one process: the controller drives the
// simulated robot on virtual time (advanced a few milliseconds per turn of
// the event loop) while a DevSession watches a copy of the behaviour sources
// and the gate's worker thread judges each derived patch on wall time.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pid, SquareMission } from '@tickswap/behaviours';
import { DevSession, type DevReport } from '@tickswap/patch-derive';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { driveWhile } from '../test/virtual-drive';
import type { Controller } from './controller';
import { ControllerGate } from './controller-gate';
import { devPatchHost } from './dev-patch-host';
import { createSimulatedController } from './simulated-controller';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const BEHAVIOURS = join(__dirname, '..', '..', '..', 'libs', 'behaviours', 'src');

/** What the robot was like after one tick's boundary. */
interface Sample {
  readonly version: string;
  readonly integral: number;
  readonly x: number;
  readonly y: number;
  readonly corners: number;
}

function sample(controller: Controller): Sample {
  const mission = controller.live.root.behaviour as SquareMission;
  const heading = mission.heading as Pid & { integralSum?: number };
  const { x, y } = mission.odometry.pose;
  return { version: controller.live.namespace.version, integral: heading.integralSum ?? heading.integral, x, y, corners: mission.cornersReached };
}

let src = '';
let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'tickswap-dev-'));
  src = join(work, 'behaviours');
  await cp(BEHAVIOURS, src, { recursive: true });
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function editPid(edit: (text: string) => string): Promise<void> {
  const file = join(src, 'pid.ts');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

describe('live development (DevSession on the controller)', () => {
  it('commits a saved edit with the state kept; a type error and a change that needs a migration leave the version alone', async () => {
    const scheduler = new VirtualTimeScheduler();
    const { controller } = createSimulatedController({ robot, scheduler, sideLength: 0.3 });
    const gate = new ControllerGate(controller, { robot, restored: { sources: [], version: '0' }, base: '0', print: () => undefined, options: { horizonS: 2, timeLimitMs: 30_000 } });
    await gate.start();
    await controller.start();
    const samples: Sample[] = [];
    controller.loop.ticks$.subscribe(() => samples.push(sample(controller)));
    const reports: DevReport[] = [];
    const session = new DevSession({ src, workDir: join(work, 'packages'), host: devPatchHost(controller, gate, 'prepared'), report: (r) => void reports.push(r), debounceMs: 50 });
    session.start();
    await driveWhile(scheduler, () => sample(controller).corners < 1);

    // Rename the integral and add a bias: derived, gated, committed at a boundary.
    await editPid((t) => t.replace("'integral',", "'integralSum', 'bias',").replace('integral = 0;', 'integralSum = 0;\n  bias = 0;').replace(/this\.integral\b/g, 'this.integralSum'));
    await driveWhile(scheduler, () => reports.length < 1);
    expect(reports[0]).toMatchObject({ save: 1, outcome: 'committed', version: '1' });
    expect(reports[0]?.changes).toEqual(expect.arrayContaining(['Pid: replace (code changed)', '  + bias: number = 0']));
    const at = samples.findIndex((s) => s.version === '1');
    const [before, after] = [samples[at - 1], samples[at]] as [Sample, Sample];
    // No tick ran between these two boundaries but the one before the commit: every value moved by at most one tick's worth.
    expect(Math.abs(after.integral - before.integral)).toBeLessThanOrEqual(0.1 * Math.PI * 0.001 + 1e-12);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeLessThan(0.005);
    expect(after.corners).toBe(before.corners);
    const heading = (controller.live.root.behaviour as SquareMission).heading as unknown as Record<string, unknown>;
    expect(heading).toMatchObject({ bias: 0, hasPrevious: true });
    expect(Object.hasOwn(heading, 'integral')).toBe(false);
    // The mission goes on, on the new version.
    await driveWhile(scheduler, () => sample(controller).corners < after.corners + 1);

    // A type error: shown, not applied.
    await editPid((t) => t.replace('bias = 0;', "bias: number = 'zero';"));
    await driveWhile(scheduler, () => reports.length < 2);
    expect(reports[1]).toMatchObject({ save: 2, outcome: 'type-errors', version: '1' });
    expect(reports[1]?.message).toMatch(/pid\.ts:\d+:\d+: Type 'string' is not assignable to type 'number'\./);

    // kd becomes a list: its values need a migration nobody wrote; the stub is reported, the robot keeps version 1.
    await editPid((t) => t.replace("bias: number = 'zero';", 'bias = 0;').replace('kd: number;', 'kd: number[];').replace("this.kd = gain('kd', options.kd ?? 0);", "this.kd = [gain('kd', options.kd ?? 0)];").replace('-this.kd *', '-(this.kd[0] ?? 0) *'));
    await driveWhile(scheduler, () => reports.length < 3);
    expect(reports[2]).toMatchObject({ save: 3, outcome: 'stubs', version: '1' });
    expect(reports[2]?.message).toContain(`${join(work, 'packages', 'pending', 'patch.ts')}: Pid.kd changed type from number to number[]: write how an old value becomes a new one`);
    expect(controller.live.namespace.version).toBe('1');
    expect(typeof heading['kd']).toBe('number');

    await session.close();
    await controller.stop();
    await gate.close();
  }, 180_000);
});
