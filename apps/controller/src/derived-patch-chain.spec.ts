// A derived patch published to a robot, as `tickswap patch new` writes it:
// it names the classes it did not change through @tickswap/behaviours, and
// on a robot where an earlier patch replaced one of them it must get the
// class that runs. In a process of its own: a commit retires the shipped
// classes it replaces for the rest of the process.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as behaviours from '@tickswap/behaviours';
import type { PatchStep } from '@tickswap/dsu';
import { PatchRejectedError } from '@tickswap/mqtt-link';
import { buildBundle, signBundle, trustKeys, type SignedPatchBundle } from '@tickswap/patch-format';
import { derivePatchPackage, readSourceDir, writePatchPackage } from '@tickswap/patch-derive';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { demoBundle } from '../test/signed-bundles';
import { driveUntil } from '../test/virtual-drive';
import { BundleStore } from './bundle-store';
import { ControllerGate } from './controller-gate';
import { controllerPipeline } from './patch-pipeline';
import { restoreUpdates } from './restore-updates';
import { createSimulatedController } from './simulated-controller';
import { UpdateJournal } from './update-journal';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const keys = generateKeyPairSync('ed25519');
const trustedKeys = trustKeys([keys.publicKey]);
const BEHAVIOURS = join(__dirname, '..', '..', '..', 'libs', 'behaviours', 'src');

// A new behaviour extending the PID: derived, it imports `Pid` from @tickswap/behaviours.
const COUNTING_PID = `import { Pid } from './pid';

/** A PID that counts its updates. */
export class CountingPid extends Pid {
  static override readonly fields = ['updates'] as const;
  updates = 0;

  override update(measurement: number, dt: number): number {
    this.updates += 1;
    return super.update(measurement, dt);
  }
}
`;

/** A bundle as the robot receives it: the JSON document, parsed. */
const received = (bundle: SignedPatchBundle) => JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'tickswap-derived-chain-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** The derived package 1 -> 2 adding CountingPid, written to `dir`; `edit` changes its patch.ts before the build. */
async function derivedBundle(dir: string, edit: (manifest: string) => string = (manifest) => manifest): Promise<SignedPatchBundle> {
  const before = readSourceDir(BEHAVIOURS);
  const after = new Map([...before, ['counting-pid.ts', COUNTING_PID]]);
  await writePatchPackage(dir, derivePatchPackage({ before, after, from: '1', to: '2', origin: 'shipped -> with CountingPid' }));
  await writeFile(join(dir, 'patch.ts'), edit(await readFile(join(dir, 'patch.ts'), 'utf8')));
  return signBundle(await buildBundle(dir), keys.privateKey);
}

/** A simulated controller on virtual time, with its gate and a pipeline keeping bundles beside `journalPath`. */
async function startRobot(journalPath: string) {
  const scheduler = new VirtualTimeScheduler();
  const { controller } = createSimulatedController({ robot, scheduler });
  const gate = new ControllerGate(controller, { robot, restored: { sources: [], version: '0' }, base: '0', print: () => undefined, options: { horizonS: 1, timeLimitMs: 30_000 } });
  const journal = await UpdateJournal.open(journalPath);
  controller.hotSwap.log.entries$.subscribe((entry) => journal.append(entry));
  const pipeline = controllerPipeline(controller, { trustedKeys, policy: 'prepared', gate, store: new BundleStore(journalPath) });
  await gate.start();
  await controller.start();
  /** Verifies, gates and commits `bundle` as a patch from MQTT. */
  const publish = async (bundle: SignedPatchBundle) => {
    const verified = await pipeline.verify(received(bundle));
    await driveUntil(scheduler, pipeline.gate(verified));
    return { verified, outcome: await driveUntil(scheduler, pipeline.commit(verified)) };
  };
  const stop = async () => {
    await controller.stop();
    await gate.close();
    await journal.close();
  };
  return { scheduler, controller, pipeline, publish, stop };
}

describe('a derived patch published to a robot that runs an earlier patch', () => {
  it('extends the class that runs: verified, gated and committed by the pipeline, and restored after a restart; without the declaration it means the shipped class and is refused', async () => {
    const derived = await derivedBundle(join(work, 'counting-pid'));
    expect(derived.classes).toBe('running');
    const shipped = await derivedBundle(join(work, 'shipped'), (manifest) => manifest.replace("export const classes = 'running';", ''));
    expect(shipped).not.toHaveProperty('classes');
    const journalPath = join(work, 'updates.log');
    const robotRun = await startRobot(journalPath);
    try {
      expect((await robotRun.publish(await demoBundle(keys.privateKey))).outcome).toMatchObject({ outcome: 'committed', version: '1' });
      const runningPid = robotRun.controller.live.namespace.get('Pid');
      expect(runningPid).not.toBe(behaviours.Pid);

      // A bundle that does not declare the running classes keeps the meaning every bundle had: the shipped package.
      const verifiedShipped = await robotRun.pipeline.verify(received(shipped));
      const shippedCounting = (verifiedShipped.patch as PatchStep).classes?.['CountingPid'];
      expect(shippedCounting?.kind === 'add' && Object.getPrototypeOf(shippedCounting.code)).toBe(behaviours.Pid);
      const refusal = driveUntil(robotRun.scheduler, robotRun.pipeline.gate(verifiedShipped));
      await expect(refusal).rejects.toThrow(PatchRejectedError);
      await expect(refusal).rejects.toMatchObject({ reason: 'gate-failed' });
      expect(robotRun.controller.live.namespace.version).toBe('1');

      const { outcome } = await robotRun.publish(derived);
      expect(outcome).toMatchObject({ outcome: 'committed', version: '2' });
      expect(Object.getPrototypeOf(robotRun.controller.live.namespace.get('CountingPid'))).toBe(runningPid);
    } finally {
      await robotRun.stop();
    }

    const restored = await restoreUpdates(journalPath, '0', trustedKeys);
    expect(restored).toMatchObject({ version: '2', sources: [{ kind: 'bundle' }, { kind: 'bundle', bundle: derived }] });
    const [pidPatch, countingPatch] = restored.patches as PatchStep[];
    const restoredPid = pidPatch?.classes?.['Pid'];
    const counting = countingPatch?.classes?.['CountingPid'];
    expect(restoredPid?.kind === 'replace' && counting?.kind === 'add' && Object.getPrototypeOf(counting.code) === restoredPid.code).toBe(true);
  }, 120_000);
});
