// Patches over MQTT go through the same gate: the pipeline hands the signed
// bundle to the gate's worker, which verifies and loads it again itself.
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { PatchRejectedError } from '@tickswap/mqtt-link';
import { buildBundle, signBundle, trustKeys } from '@tickswap/patch-format';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { driveUntil } from '../test/virtual-drive';
import { ControllerGate } from './controller-gate';
import { controllerPipeline } from './patch-pipeline';
import { KNOWN_PATCHES } from './patch-modules';
import { createSimulatedController } from './simulated-controller';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const keys = generateKeyPairSync('ed25519');
const trustedKeys = trustKeys([keys.publicKey]);
const signed = async (dir: string) => JSON.parse(JSON.stringify(signBundle(await buildBundle(dir), keys.privateKey))) as Record<string, unknown>;

describe('the patch pipeline with the simulator gate', () => {
  it('gates every verified bundle: figures for one that passes, gate-failed for one that does not, nothing committed', async () => {
    const scheduler = new VirtualTimeScheduler();
    const { controller } = createSimulatedController({ robot, scheduler });
    const printed: string[] = [];
    const gate = new ControllerGate(controller, { robot, restored: { sources: [], version: '0' }, base: '0', print: (line) => void printed.push(line), options: { horizonS: 2, timeLimitMs: 30_000 } });
    const pipeline = controllerPipeline(controller, { trustedKeys, policy: 'prepared', gate });
    await gate.start();
    await controller.start();
    try {
      const good = await pipeline.verify(await signed(join(KNOWN_PATCHES['pid-integral-limit'] as string, '..')));
      const figures = await driveUntil(scheduler, pipeline.gate(good));
      expect(figures).toMatchObject({ ticks: 2000, metrics: { simulatedS: 2 } });
      expect(printed).toEqual([expect.stringMatching(new RegExp(`^update ${good.id}: the simulator gate accepted 0 -> 1: 2\\.000 s simulated on the physics`))]);

      const lost = await pipeline.verify(await signed(join(__dirname, '..', 'test', 'patches', 'lost-odometry')));
      const refusal = driveUntil(scheduler, pipeline.gate(lost));
      await expect(refusal).rejects.toThrow(PatchRejectedError);
      await expect(refusal).rejects.toMatchObject({
        reason: 'gate-failed',
        message: expect.stringMatching(/^controller gate: the simulator gate rejected 0 -> 1: no-throw failed at 0\.000 s \(root\.behaviour\.odometry\): LostOdometry\.update threw Error: odometry lost$/),
      });
      expect(controller.hotSwap.log.entries.map((entry) => `${entry.event} ${entry.id}`)).toEqual([`refused ${lost.id}`]);
      expect(controller.live.namespace.version).toBe('0');
    } finally {
      await controller.stop();
      await gate.close();
    }
  }, 30_000);
});
