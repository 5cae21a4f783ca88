import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { LiveSystem, Namespace, toSnapshot, type Patch } from '@tickswap/dsu';
import { loadTrustList, type SignedPatchBundle, type TrustedKeys } from '@tickswap/patch-format';
import { loadRobotDescription, REFERENCE_ROBOT_PATH, type RobotDescription } from '@tickswap/robots';
import { readLiveState, readRecording, type GateOptions, type GateRequest, type LiveState, type PatchSource } from '@tickswap/validator';
import type { CommandArgs } from './command-args';
import { CliUsageError } from './commands';

/** The version of the shipped behaviours, the controller's base version. */
const BASE_VERSION = '0';
const COMMAND = 'tickswap patch test';

/** A gate request as the command line asks for it, and where its state came from. */
export interface DeskGate {
  readonly request: GateRequest;
  /** `a saved live state (file)` or `the initial state of <robot>`, for the report. */
  readonly stateFrom: string;
}

const usage = (problem: string) => new CliUsageError(`${COMMAND}: ${problem}`);

/** A patch package folder (its patch.ts), a module file, or a signed bundle (.json). */
function patchSource(spec: string): PatchSource {
  const path = resolve(spec);
  if (!existsSync(path)) throw usage(`${spec} does not exist; give a patch package folder, a patch module (.ts) or a signed bundle (.json)`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'patch.ts'))) throw usage(`${spec} is a folder without patch.ts; a patch package's patch.ts default-exports its patch`);
    return { kind: 'module', path: join(path, 'patch.ts') };
  }
  if (!path.endsWith('.json')) return { kind: 'module', path };
  try {
    return { kind: 'bundle', bundle: JSON.parse(readFileSync(path, 'utf8')) as SignedPatchBundle };
  } catch (error) {
    throw usage(`cannot read ${spec} as JSON (${(error as Error).message}); give a bundle file made by tickswap patch build and sign`);
  }
}

function positive(args: CommandArgs, name: string): number | undefined {
  const text = args.option(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) throw usage(`--${name} must be a positive number, got '${text}'`);
  return value;
}

/** The controller state at `base` plus the chain (patches applied in-process, as a controller restores its journal), as a live state. */
async function initialState(robot: RobotDescription, sideLength: number, chain: readonly string[]): Promise<LiveState> {
  const live = new LiveSystem(Namespace.of(BASE_VERSION, BEHAVIOUR_CLASSES), { behaviour: new SquareMission(robot, { sideLength }) });
  for (const path of chain) {
    const exported = (await import(path)) as { patch?: Patch; default?: Patch };
    const patch = exported.patch ?? exported.default;
    if (patch === undefined) throw usage(`--chain module ${path} exports no patch as 'patch' or as its default export`);
    live.update(patch, { policy: 'eager' });
  }
  return { snapshot: toSnapshot(live.root, live.namespace) };
}

/**
 * The gate request of `tickswap patch test <patch> [options]`: the patch
 * (a package folder, a module, or a signed bundle verified with --trust),
 * the committed patches before it (--chain, modules), the state (--snapshot,
 * a saved live state; else the initial state of the robot description's
 * square mission, side --side), the scenario (--robot, --recording) and the
 * gate's options (--horizon, --rate, --time-limit). Throws CliUsageError.
 *
 * @example
 * const { request } = await deskGate(args); // args of ['patches/pid-integral-limit', '--horizon', '5']
 */
export async function deskGate(args: CommandArgs): Promise<DeskGate> {
  const candidate = patchSource(args.positionals[0] as string);
  const chain = (args.option('chain') ?? '').split(',').filter((spec) => spec !== '').map((spec) => patchSource(spec));
  if (chain.some((source) => source.kind !== 'module')) throw usage('--chain takes patch modules or package folders (committed bundles are not supported at a desk)');
  const robotPath = args.option('robot') ?? REFERENCE_ROBOT_PATH;
  const robot = loadRobotDescription(robotPath);
  const snapshotPath = args.option('snapshot');
  const modules = chain.map((source) => (source as { path: string }).path);
  const state = snapshotPath === undefined ? await initialState(robot, positive(args, 'side') ?? 1, modules) : readLiveState(snapshotPath);
  const recordingPath = args.option('recording');
  const trustPath = args.option('trust');
  if (candidate.kind === 'bundle' && trustPath === undefined) throw usage('a bundle is verified as a robot verifies it: give --trust <file or folder> with the keys it trusts');
  const trustedKeys: TrustedKeys | undefined = trustPath === undefined ? undefined : await loadTrustList(trustPath);
  const options: GateOptions = { horizonS: positive(args, 'horizon'), rateHz: positive(args, 'rate'), timeLimitMs: positive(args, 'time-limit') };
  const request: GateRequest = {
    running: { base: BASE_VERSION, chain },
    state,
    scenario: { robot, ...(recordingPath === undefined ? {} : { recording: readRecording(recordingPath) }) },
    candidate,
    ...(trustedKeys === undefined ? {} : { trustedKeys }),
    options,
  };
  return { request, stateFrom: snapshotPath === undefined ? `the initial state of ${robot.name}` : `the live state saved in ${snapshotPath}` };
}
