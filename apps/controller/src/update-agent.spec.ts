import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVirtual } from '@tickswap/control-loop';
import { trustKeys } from '@tickswap/patch-format';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { demoPatch } from '../test/demo-patch';
import { loadPatchModule, PatchModuleError } from './patch-modules';
import { createSimulatedController } from './simulated-controller';
import { restoreUpdates } from './restore-updates';
import { followUpdates } from './update-agent';
import { journalLine, readJournal } from './update-journal';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const NO_KEYS = trustKeys([]);
const folder = () => mkdtempSync(join(tmpdir(), 'tickswap-agent-'));

/** Runs the simulated robot on virtual time for 1.5 s while followUpdates requests `patches` at once. */
async function follow(journalPath: string, patches: string[]) {
  const scheduler = new VirtualTimeScheduler();
  const { controller } = createSimulatedController({ robot, scheduler });
  const printed: string[] = [];
  await controller.start();
  const close = await followUpdates(controller, { journalPath, patches, applyAfterS: 0, policy: 'prepared', print: (line) => printed.push(line) });
  await new Promise((resolve) => setTimeout(resolve, 50)); // the wall-clock timer fires and the module loads
  scheduler.schedule(() => void controller.stop(), 1500);
  await runVirtual(scheduler, controller.loop);
  await close();
  return printed;
}

describe('followUpdates and restoreUpdates', () => {
  it('applies --patch, prints every outcome and journals it; a restart restores the committed version', async () => {
    const journalPath = join(folder(), 'updates.log');
    const printed = await follow(journalPath, ['pid-integral-limit']);
    expect(printed).toEqual([
      expect.stringMatching(/^update pid-integral-limit: committed version 0 -> 1 at tick 1 \(prepared\): boundary [\d.]+ µs, next tick [\d.]+ µs late, 0 ticks missed; prepared in 1 slice between ticks \([\d.]+ ms of work, 1 instances\)$/),
      'update pid-integral-limit: kept version 1 (1000 watched ticks without a failure)',
    ]);
    expect(readJournal(journalPath).entries.map((e) => e.event)).toEqual(['committed', 'kept']);
    const restored = await restoreUpdates(journalPath, '0', NO_KEYS);
    expect(restored).toMatchObject({ version: '1', message: `restored version 1 from ${journalPath}: pid-integral-limit` });
    expect(restored.patches).toEqual([(await demoPatch()).patch]);
  });

  it('prints a patch module it cannot load, and goes on', async () => {
    const printed = await follow(join(folder(), 'updates.log'), ['/nowhere/patch.ts']);
    expect(printed).toEqual([expect.stringMatching(/^update \/nowhere\/patch\.ts: not requested: loadPatchModule failed: cannot load patch module '\/nowhere\/patch\.ts'/)]);
  });

  it('refuses to restore when a committed patch module is missing, naming it and what to do', async () => {
    const journalPath = join(folder(), 'updates.log');
    const committed = { event: 'committed', id: '/nowhere/patch.ts', from: '0', to: '1', policy: 'prepared', version: '1' } as const;
    writeFileSync(journalPath, journalLine({ ...committed, tick: 1, at: 1, reason: undefined, failure: undefined, downtime: undefined, preparation: undefined }));
    await expect(restoreUpdates(journalPath, '0', NO_KEYS)).rejects.toThrow(PatchModuleError);
    await expect(restoreUpdates(journalPath, '0', NO_KEYS)).rejects.toThrow(
      new RegExp(`^restoreUpdates failed: ${journalPath} says version 1 runs, committed by patch '/nowhere/patch.ts', which cannot be loaded \\(.*\\); restore the module, or move the journal away to start on version 0$`),
    );
  });

  it('says when the journal ended in a torn write', async () => {
    const journalPath = join(folder(), 'updates.log');
    writeFileSync(journalPath, '3f9c2a1b {"event":"comm');
    expect(await restoreUpdates(journalPath, '0', NO_KEYS)).toMatchObject({ version: '0', patches: [], message: `update journal ${journalPath} (its last line was cut short by a crash and is ignored)` });
  });
});

describe('loadPatchModule', () => {
  it('refuses a module that exports no patch', async () => {
    const file = join(folder(), 'no-patch.js');
    writeFileSync(file, 'module.exports = { notAPatch: 1 };');
    await expect(loadPatchModule(file)).rejects.toThrow(new PatchModuleError(`loadPatchModule failed: module '${file}' (${file}) does not export a patch as 'patch' (an object with 'from' and 'to' versions); export one`));
  });
});
