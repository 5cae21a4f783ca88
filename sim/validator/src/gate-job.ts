import { fromSnapshot, LiveSystem, type Namespace, type Patch } from '@tickswap/dsu';
import { declaredChecks } from './declared-checks';
import type { GateCheck } from './gate-checks';
import type { GateRequest } from './gate-request';
import { gateSettings } from './gate-settings';
import type { GateVerdict } from './gate-verdict';
import { judgeRuns } from './judge-runs';
import { liveSeed, type LiveSeed } from './live-seed';
import { loadPatchSource, runningNamespace } from './patch-sources';
import { PhysicsSource } from './physics-source';
import type { ProgressCell } from './progress-cell';
import { ReplaySource } from './replay-source';
import type { SensorSource } from './sensor-source';
import { simulate, type SteppedState } from './simulate';
import { findInstance } from './find-instance';
import { VerdictBuilder } from './verdict-builder';

/** The running version's state, rebuilt twice from the snapshot: one copy for each run. */
interface Copies {
  readonly shadow: SteppedState;
  readonly candidate: SteppedState;
  readonly seed: LiveSeed;
  /** The side of the square the state's mission drives, if it has one. */
  readonly side: number | undefined;
}

function rebuild(request: GateRequest, namespace: Namespace): Copies {
  const copy = () => fromSnapshot(request.state.snapshot, namespace) as SteppedState;
  const shadow = copy();
  if (typeof shadow?.behaviour?.update !== 'function') {
    throw new Error("the snapshot's root has no behaviour with an update method: take the snapshot of the controller's state ({ behaviour })");
  }
  const mission = findInstance(shadow, 'root', (value) => typeof (value as { sideLength?: unknown }).sideLength === 'number');
  const side = (mission?.value as { sideLength?: number } | undefined)?.sideLength;
  return { shadow, candidate: copy(), seed: liveSeed(shadow, namespace, request.scenario.robot, request.state.readings), side };
}

/** The loaded candidate and what it asks of the gate. */
interface Candidate {
  readonly patch: Patch;
  readonly checks: readonly GateCheck[];
}

/**
 * One gate, synchronously, in the worker: rebuilds the running namespace
 * (behaviours and committed patches) and the live state (twice, from the
 * snapshot), loads the candidate, migrates one copy with it (dsu's prepare:
 * every migration and validation, before anything runs), runs the running
 * version on the other copy (shadow), commits the migration, runs the
 * candidate from the same seed, then judges. Every failure becomes a failed
 * check of the verdict; only a bad request throws (GateConfigError).
 *
 * @example
 * const verdict = runGateJob(request, new ProgressCell(workerData.progress));
 */
export function runGateJob(request: GateRequest, cell: ProgressCell): GateVerdict {
  const settings = gateSettings(request.options, 'runGate');
  const builder = new VerdictBuilder();
  const { trustedKeys } = request;
  const started = performance.now();
  cell.enter('loading', settings.ticks, settings.rateHz);
  const namespace = builder.attempt('running-version', () => runningNamespace(request.running, trustedKeys));
  const copies = namespace && builder.attempt('live-state', () => rebuild(request, namespace));
  const patch = copies && builder.attempt('load', () => loadPatchSource(request.candidate, namespace as Namespace, trustedKeys));
  if (patch !== undefined) builder.versions = { from: patch.from, to: patch.to };
  const candidate: Candidate | undefined = patch && builder.attempt('declared-checks', () => ({ patch, checks: declaredChecks(patch) }));
  const loaded = performance.now();
  cell.enter('migrating');
  const live = namespace && copies && candidate && new LiveSystem(namespace, copies.candidate as object);
  const prepared = live && builder.attempt('migration', () => live.prepare((candidate as Candidate).patch, { policy: 'prepared' }));
  builder.timing = { ...builder.timing, loadMs: loaded - started, migrateMs: performance.now() - loaded };
  if (prepared === undefined || copies === undefined || candidate === undefined || live === undefined) return builder.verdict();

  const { robot, recording } = request.scenario;
  const source = (): SensorSource => (recording === undefined ? new PhysicsSource(robot, copies.seed, settings.rateHz) : new ReplaySource(robot, recording, copies.seed));
  const plan = { ticks: recording === undefined ? settings.ticks : Math.min(settings.ticks, recording.ticks), rateHz: settings.rateHz, robot };
  cell.enter('shadow', plan.ticks);
  const shadowStart = performance.now();
  const shadow = simulate(copies.shadow, source(), plan, cell);
  const shadowMs = performance.now() - shadowStart;
  // The shadow ran first: committing stubs the running classes' prototypes, which the shadow's objects share.
  if (builder.attempt('migration', () => prepared.commit()) === undefined) return builder.verdict();
  cell.enter('candidate');
  const candidateStart = performance.now();
  const run = simulate(live.root as SteppedState, source(), plan, cell);
  const candidateMs = performance.now() - candidateStart;
  cell.enter('checking');
  builder.timing = { ...builder.timing, shadowMs, candidateMs };
  builder.simulation = {
    horizonS: plan.ticks / settings.rateHz,
    rateHz: settings.rateHz,
    candidateS: run.trajectory.reachedS,
    shadowS: shadow.trajectory.reachedS,
    source: recording === undefined ? 'physics' : 'recording',
    squareSideM: copies.side,
    seed: { ...copies.seed.pose, from: copies.seed.poseFrom },
    ...(shadow.failure === undefined ? {} : { shadowStopped: `${shadow.failure.name} at ${shadow.failure.atS?.toFixed(3)} s: ${shadow.failure.message}` }),
  };
  judgeRuns(builder, { candidate: run, shadow, checks: candidate.checks, side: copies.side, tickBudgetMs: settings.tickBudgetMs });
  cell.enter('done');
  return builder.verdict();
}
