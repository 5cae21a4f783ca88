// Live development in one process for the specs: a copy of the behaviour
// sources, and the simulated controller on virtual time with its gate and a
// DevSession watching the copy.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevSession, type DevReport } from '@tickswap/patch-derive';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import type { Controller } from '../src/controller';
import { ControllerGate } from '../src/controller-gate';
import { devPatchHost } from '../src/dev-patch-host';
import { createSimulatedController } from '../src/simulated-controller';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
const BEHAVIOURS = join(__dirname, '..', '..', '..', 'libs', 'behaviours', 'src');

/** A temporary copy of the shipped behaviour sources. */
export interface SourcesCopy {
  readonly src: string;
  /** Rewrites one file of the copy, as an editor's save does. */
  edit(file: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Copies `libs/behaviours/src` into a temporary folder.
 *
 * @example
 * const copy = await copyBehaviours();
 * await copy.edit('pid.ts', (text) => text.replace('integral', 'sum'));
 */
export async function copyBehaviours(): Promise<SourcesCopy> {
  const work = await mkdtemp(join(tmpdir(), 'tickswap-dev-'));
  const src = join(work, 'behaviours');
  await cp(BEHAVIOURS, src, { recursive: true });
  return {
    src,
    edit: async (file, change) => writeFile(join(src, file), change(await readFile(join(src, file), 'utf8'))),
    remove: () => rm(work, { recursive: true, force: true }),
  };
}

/** The running pieces of {@link startDev}. */
export interface DevRun {
  readonly scheduler: VirtualTimeScheduler;
  readonly controller: Controller;
  /** Every save's report so far. */
  readonly reports: DevReport[];
  close(): Promise<void>;
}

/**
 * The simulated controller (square of 0.3 m) on virtual time, started, with
 * its simulator gate (2 s horizon, as `tickswap dev`) and a DevSession
 * watching `src` (packages in `workDir`).
 *
 * @example
 * const dev = await startDev(copy.src, join(copy.src, '..', 'packages'));
 * await driveWhile(dev.scheduler, () => dev.reports.length < 1);
 */
export async function startDev(src: string, workDir: string): Promise<DevRun> {
  const scheduler = new VirtualTimeScheduler();
  const { controller } = createSimulatedController({ robot, scheduler, sideLength: 0.3 });
  const gate = new ControllerGate(controller, { robot, restored: { sources: [], version: '0' }, base: '0', print: () => undefined, options: { horizonS: 2, timeLimitMs: 30_000 } });
  await gate.start();
  await controller.start();
  const reports: DevReport[] = [];
  const session = new DevSession({ src, workDir, host: devPatchHost(controller, gate, 'prepared'), report: (report) => void reports.push(report), debounceMs: 50 });
  session.start();
  const close = async (): Promise<void> => {
    await session.close();
    await controller.stop();
    await gate.close();
  };
  return { scheduler, controller, reports, close };
}
