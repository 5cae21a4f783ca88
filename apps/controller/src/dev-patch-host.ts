import type { UpdateLogEntry } from '@tickswap/control-loop';
import type { Policy } from '@tickswap/dsu';
import type { SignedPatchBundle, TrustedKeys } from '@tickswap/patch-format';
import type { DevApplyOutcome, DevHost } from '@tickswap/patch-derive';
import { filter, firstValueFrom } from 'rxjs';
import type { Controller } from './controller';
import type { ControllerGate } from './controller-gate';
import { loadBundleFor } from './load-bundle-for';

/**
 * The controller as `tickswap dev` drives it: a derived bundle takes the
 * path every patch from the field takes (verified against the running
 * version, loaded with the classes its signed declaration says it means:
 * a derived bundle means those that run, so after earlier saves the
 * classes it did not change are the patched ones; proven by the simulator gate
 * from a copy of the live state, committed by the hot swap at a tick
 * boundary and watched), and comes back with its verdict, the time of the
 * gate and of the commit, and the commit's downtime.
 *
 * @example
 * const session = new DevSession({ src, workDir, report, host: devPatchHost(controller, gate, 'prepared') });
 */
export function devPatchHost(controller: Controller, gate: ControllerGate, policy: Policy): DevHost {
  const version = (): string => controller.live.namespace.version;
  return {
    version,
    async apply(bundle: SignedPatchBundle, trustedKeys: TrustedKeys): Promise<DevApplyOutcome> {
      const started = performance.now();
      const refused = (reason: string): DevApplyOutcome => ({ outcome: 'refused', version: version(), reason, gateMs: performance.now() - started, commitMs: 0 });
      let patch;
      try {
        patch = loadBundleFor(bundle, trustedKeys, controller.live.namespace).patch;
      } catch (error) {
        return refused((error as Error).message);
      }
      const verdict = await gate.judge(bundle.id, { kind: 'bundle', bundle }, patch, policy, trustedKeys);
      const gateMs = performance.now() - started;
      if (!verdict.accepted) return refused(verdict.reason);
      const requested = performance.now();
      const log = controller.hotSwap.log.entries$.pipe(filter((entry: UpdateLogEntry) => entry.id === bundle.id));
      const committed = firstValueFrom(log.pipe(filter((entry) => entry.event === 'committed'))).then((entry) => ({ entry, at: performance.now() }));
      const final = await controller.hotSwap.request(patch, { id: bundle.id, policy });
      if (final.event !== 'kept') {
        return { outcome: final.event === 'rolled-back' ? 'rolled-back' : 'refused', version: version(), reason: `the hot swap ended with '${final.event}': ${final.reason ?? 'no reason given'}`, gateMs, commitMs: 0 };
      }
      const { entry, at } = await committed;
      const downtime = entry.downtime === undefined ? {} : { downtime: { boundaryMs: entry.downtime.boundaryMs, missedTicks: entry.downtime.missedTicks } };
      return { outcome: 'committed', version: version(), reason: verdict.reason, gateMs, commitMs: at - requested, ...downtime };
    },
  };
}
