// The simulator gate in front of the hot swap: the controller runs on
// virtual time, advanced a few milliseconds per turn of the event loop, while
// the gate's worker thread (real, on wall time) judges each patch.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SquareMission } from '@tickswap/behaviours';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { driveWhile } from '../test/virtual-drive';
import { ControllerGate } from './controller-gate';
import { createSimulatedController } from './simulated-controller';
import { followUpdates } from './update-agent';
import { readJournal } from './update-journal';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
/** A fixture patch of the validator's: it throws 3 simulated seconds after its commit. */
const THROWS_AT_3 = join(__dirname, '..', '..', '..', 'sim', 'validator', 'test', 'patches', 'throws-at-3.ts');

/** What the robot was like when the first outcome was printed. */
interface AtRefusal {
  readonly version: string;
  readonly headingUnchanged: boolean;
  readonly ticks: number;
}

/**
 * Runs the simulated controller with `patches` applied one after the other
 * through the gate, until the last one is kept; then 0.5 s more.
 */
async function runThroughGate(patches: string[]) {
  const scheduler = new VirtualTimeScheduler();
  const { controller } = createSimulatedController({ robot, scheduler });
  const printed: string[] = [];
  const print = (line: string) => void printed.push(line);
  const gate = new ControllerGate(controller, { robot, restored: { sources: [], version: '0' }, base: '0', print, options: { horizonS: 4, timeLimitMs: 30_000 } });
  const journalPath = join(mkdtempSync(join(tmpdir(), 'tickswap-gate-')), 'updates.log');
  await gate.start();
  await controller.start();
  const mission = controller.behaviour as SquareMission;
  const heading = mission.heading;
  const close = await followUpdates(controller, { journalPath, patches, applyAfterS: 0, policy: 'prepared', print, gate });
  await driveWhile(scheduler, () => printed.length === 0);
  const atRefusal: AtRefusal = { version: controller.live.namespace.version, headingUnchanged: mission.heading === heading, ticks: controller.loop.statistics().ticks };
  await driveWhile(scheduler, () => !printed.some((line) => line.includes(': kept version 1')));
  await controller.stop();
  await close();
  await gate.close();
  return { controller, printed, atRefusal, journal: readJournal(journalPath).entries };
}

describe('ControllerGate', () => {
  it('refuses a patch that fails on the simulator, leaving the robot untouched, and lets the next one, that passes, through', async () => {
    const run = await runThroughGate([THROWS_AT_3, 'pid-integral-limit']);
    expect(run.printed[0]).toMatch(
      /^update .*throws-at-3\.ts: refused, version 0 runs: the simulator gate rejected 0 -> 1: no-throw failed at 3\.\d{3} s \(root\.behaviour\.heading\): HeadingController\.update threw Error: simulated fault 3 s after the commit$/,
    );
    expect(run.atRefusal).toMatchObject({ version: '0', headingUnchanged: true });
    expect(run.printed[1]).toMatch(/^update pid-integral-limit: the simulator gate accepted 0 -> 1: 4\.000 s simulated on the physics, diverging at most /);
    expect(run.printed[2]).toMatch(/^update pid-integral-limit: committed version 0 -> 1 at tick \d+ \(prepared\)/);
    expect(run.journal.map((entry) => entry.event)).toEqual(['refused', 'committed', 'kept']);
    // The loop kept ticking while both gates ran, without a fault.
    const after = run.controller.loop.statistics();
    expect(after.ticks).toBeGreaterThan(run.atRefusal.ticks + 1000);
    expect(after).toMatchObject({ version: 1, faultedTicks: 0 });
  }, 30_000);
});
