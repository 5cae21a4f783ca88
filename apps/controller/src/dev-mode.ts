import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Policy } from '@tickswap/dsu';
import { DevSession, devReportLines, type RenameChoices } from '@tickswap/patch-derive';
import type { Controller } from './controller';
import type { ControllerGate } from './controller-gate';
import { devPatchHost } from './dev-patch-host';

/** What live development needs beside the controller. */
export interface DevModeOptions {
  /** The behaviour sources to watch (`--dev`); nothing is watched without it. */
  readonly devDir: string | undefined;
  /** The engineer's word on renames, over the guesses. */
  readonly devRenames: RenameChoices;
  readonly policy: Policy;
  /** The simulator gate every derived patch passes (its horizon is `--dev-horizon`). */
  readonly gate: ControllerGate;
  /** Prints a line (stdout). */
  readonly print: (line: string) => void;
}

/**
 * Starts live development (`--dev <dir>`) on a running controller: every
 * save of the sources becomes a patch derived, built, gated and committed
 * (see `DevSession` of `@tickswap/patch-derive`), and each save's changes,
 * verdict and downtime are printed. Resolves with the function that stops
 * it (a no-op without `--dev`).
 *
 * @example
 * const stopDev = await startDevMode(controller, { devDir: 'libs/behaviours/src', policy: 'prepared', gate, print });
 */
export async function startDevMode(controller: Controller, options: DevModeOptions): Promise<() => Promise<void>> {
  if (options.devDir === undefined) return async () => undefined;
  const src = resolve(options.devDir);
  const workDir = await mkdtemp(join(tmpdir(), 'tickswap-dev-'));
  const session = new DevSession({
    src,
    workDir,
    host: devPatchHost(controller, options.gate, options.policy),
    choices: options.devRenames,
    report: (report) => devReportLines(report).forEach((line) => options.print(`dev ${line}`)),
  });
  session.start();
  options.print(`dev: watching ${src}; each save becomes a patch from version ${controller.live.namespace.version} on (packages in ${workDir})`);
  return () => session.close();
}
