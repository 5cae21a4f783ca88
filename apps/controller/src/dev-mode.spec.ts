// Live development end to end in one process: the controller drives the
// simulated robot on virtual time (advanced a few milliseconds per turn of
// the event loop) while a DevSession watches a copy of the behaviour sources
// and the gate's worker thread judges each derived patch on wall time.
import { join } from 'node:path';
import type { Pid, SquareMission } from '@tickswap/behaviours';
import { copyBehaviours, startDev, type SourcesCopy } from '../test/dev-fixture';
import { driveWhile } from '../test/virtual-drive';
import type { Controller } from './controller';

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

let copy: SourcesCopy;
beforeEach(async () => {
  copy = await copyBehaviours();
});
afterEach(() => copy.remove());
const editPid = (change: (text: string) => string) => copy.edit('pid.ts', change);

describe('live development (DevSession on the controller)', () => {
  it('commits a saved edit with the state kept; a type error and a change that needs a migration leave the version alone', async () => {
    const { scheduler, controller, reports, close } = await startDev(copy.src, join(copy.src, '..', 'packages'));
    const samples: Sample[] = [];
    controller.loop.ticks$.subscribe(() => samples.push(sample(controller)));
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
    expect(reports[2]?.message).toContain(`${join(copy.src, '..', 'packages', 'pending', 'patch.ts')}: Pid.kd changed type from number to number[]: write how an old value becomes a new one`);
    expect(controller.live.namespace.version).toBe('1');
    expect(typeof heading['kd']).toBe('number');

    await close();
  }, 180_000);
});
