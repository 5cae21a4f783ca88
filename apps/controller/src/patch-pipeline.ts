import type { Patch, Policy } from '@tickswap/dsu';
import type { UpdateLogEntry } from '@tickswap/control-loop';
import { PatchRejectedError, rejectionOf, type CommitOutcome, type DowntimeFigures, type GateFigures, type PatchPipeline, type VerifiedPatch } from '@tickswap/mqtt-link';
import type { SignedPatchBundle, TrustedKeys } from '@tickswap/patch-format';
import { BundleStoreError, type BundleStore } from './bundle-store';
import type { Controller } from './controller';
import type { ControllerGate } from './controller-gate';
import { loadBundleFor } from './load-bundle-for';
import { pipelineGate } from './pipeline-gate';

/** What {@link controllerPipeline} needs beside the controller. */
export interface ControllerPipelineOptions {
  /** The keys whose signatures the robot accepts (`--trust`). */
  readonly trustedKeys: TrustedKeys;
  /** How the hot swap prepares each update. */
  readonly policy: Policy;
  /** Where each bundle is kept before its commit, so a restart can load it again (without one, a restart cannot come back on an MQTT patch). */
  readonly store?: BundleStore;
  /** The simulator gate every patch must pass (without one, the gate is reported as not run). */
  readonly gate?: ControllerGate;
}

/**
 * The figures of a gate that did not run (a pipeline given no simulator
 * gate): nothing was simulated (0 ticks, no metrics); the status line and
 * `tickswap patch publish` show it as "gate: not run".
 */
export const GATE_NOT_RUN: GateFigures = Object.freeze({ ticks: 0, elapsedMs: 0, metrics: Object.freeze({}) });

const downtimeOf = (entry: UpdateLogEntry | undefined): DowntimeFigures | null =>
  entry?.downtime === undefined
    ? null
    : { boundaryMs: entry.downtime.boundaryMs, latenessMs: Number.isFinite(entry.downtime.latenessMs) ? entry.downtime.latenessMs : null, missedTicks: entry.downtime.missedTicks };

/** The hot swap's final log entry as the agent reports it; an update that changed nothing is refused. */
function outcomeOf(controller: Controller, final: UpdateLogEntry): CommitOutcome {
  // The downtime is that of the swap, logged when it committed; `kept` only says the watch passed.
  const committed = controller.hotSwap.log.entries.findLast((entry) => entry.event === 'committed' && entry.id === final.id);
  const watchMs = committed === undefined ? 0 : Math.max(0, final.at - committed.at);
  if (final.event === 'kept') {
    const downtime = downtimeOf(committed);
    if (downtime !== null) return { outcome: 'committed', version: final.version, downtime, watchMs };
  }
  if (final.event === 'rolled-back') {
    return { outcome: 'rolled-back', reason: final.failure ?? 'throw', message: final.reason ?? 'rolled back by the watch', version: final.version, downtime: downtimeOf(final), watchMs };
  }
  throw new PatchRejectedError('commit-failed', `controller commit: the hot swap ended with '${final.event}' (${final.reason ?? 'no reason given'}); version ${final.version} runs, send the patch again once the robot is steady`);
}

/** Stores a bundle before its commit is requested: the journal will name it, a restart must find it. */
async function keep(store: BundleStore, bundle: SignedPatchBundle): Promise<void> {
  try {
    await store.save(bundle);
  } catch (error) {
    if (!(error instanceof BundleStoreError)) throw error;
    throw new PatchRejectedError('commit-failed', `controller commit: ${error.message}; nothing changed`);
  }
}

/**
 * The patch pipeline of a running controller, for `PatchAgent`: verify
 * (`loadBundleFor` the live namespace, with the robot's trust list),
 * gate (the simulator gate, `ControllerGate`, on the signed bundle, which
 * carries that declaration to the gate's worker; not run without one: see
 * {@link GATE_NOT_RUN}), commit (the controller's hot swap: prepared in the
 * slack between ticks, committed at a tick boundary, watched, the bundle kept
 * in `store` first so a restart comes back on it; resolves with
 * its downtime, or `rolled-back` with why). Refusals of patch-format become
 * `PatchRejectedError`s with the `/result` reasons.
 *
 * @example
 * const agent = new PatchAgent({ robot: 'sim-1', broker, figures, pipeline: controllerPipeline(controller, { trustedKeys, policy: 'prepared' }) });
 */
export function controllerPipeline(controller: Controller, options: ControllerPipelineOptions): PatchPipeline<Patch> {
  // The signed document of each loaded patch: the gate's worker verifies and loads it again in its own thread.
  const bundles = new WeakMap<Patch, SignedPatchBundle>();
  return {
    verify: async (bundle) => {
      try {
        const { verified, patch } = loadBundleFor(bundle, options.trustedKeys, controller.live.namespace);
        bundles.set(patch, verified);
        return { id: verified.id, from: verified.from, to: verified.to, patch };
      } catch (error) {
        throw rejectionOf(error);
      }
    },
    gate: async (verified) => {
      const bundle = bundles.get(verified.patch);
      return options.gate === undefined || bundle === undefined ? GATE_NOT_RUN : pipelineGate(options.gate, verified, bundle, options);
    },
    commit: async ({ id, patch }: VerifiedPatch<Patch>) => {
      const bundle = bundles.get(patch);
      if (options.store !== undefined && bundle !== undefined) await keep(options.store, bundle);
      return outcomeOf(controller, await controller.hotSwap.request(patch, { id, policy: options.policy }));
    },
  };
}
