// Live development across saves, in a process of its own (a commit retires
// the shipped classes it replaces for the rest of the process): a later
// save must get the classes the robot runs, not the shipped ones.
import { join } from 'node:path';
import { copyBehaviours, startDev, type SourcesCopy } from '../test/dev-fixture';
import { driveWhile } from '../test/virtual-drive';

let copy: SourcesCopy;
beforeEach(async () => {
  copy = await copyBehaviours();
});
afterEach(() => copy.remove());

describe('live development over several saves', () => {
  it('gives a later save the classes the robot runs: a PID edited after its base class was patched extends the patched base, on the robot and in the gate', async () => {
    const { scheduler, controller, reports, close } = await startDev(copy.src, join(copy.src, '..', 'packages'));
    await driveWhile(scheduler, () => controller.loop.statistics().ticks < 500);
    // The base class changes: every behaviour class is replaced with it.
    await copy.edit('behaviour.ts', (t) => t.replace('  abstract update(input: TInput, dt: number): TOutput;', "  abstract update(input: TInput, dt: number): TOutput;\n\n  /** What it is, for people. */\n  describe(): string {\n    return this.constructor.name;\n  }"));
    await driveWhile(scheduler, () => reports.length < 1);
    expect(reports[0]).toMatchObject({ outcome: 'committed', version: '1' });
    expect(reports[0]?.changes).toEqual(expect.arrayContaining(['Behaviour: replace (code changed)', 'Pid: replace (superclass Behaviour replaced)']));
    const base = controller.live.namespace.get('Behaviour');

    await copy.edit('pid.ts', (t) => t.replace("'integral',", "'integralSum',").replace('integral = 0;', 'integralSum = 0;').replace(/this\.integral\b/g, 'this.integralSum'));
    await driveWhile(scheduler, () => reports.length < 2);
    expect(reports[1]).toMatchObject({ outcome: 'committed', version: '2' });
    expect(reports[1]?.changes).toEqual(['Pid: replace (code changed)', expect.stringMatching(/^ {2}~ integral -> integralSum \(guessed/)]);
    expect(Object.getPrototypeOf(controller.live.namespace.get('Pid'))).toBe(base);
    await close();
  }, 180_000);
});
