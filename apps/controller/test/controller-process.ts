import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const MAIN = join(root, 'apps/controller/src/main.ts');

/** How a controller process ended. */
export interface ControllerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A controller process as `npm start -- <args>` runs it, and what it printed so far. */
export interface ControllerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<ControllerExit>;
  /** Resolves once stdout matches `pattern`; rejects after `timeoutMs`, or if the process exits first. */
  printed(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Pids of the process's children running `command` (socat for `--bus pty`). */
  childrenRunning(command: string): number[];
}

/**
 * Starts `apps/controller/src/main.ts` with `args`, as `npm start` does.
 *
 * @example
 * const controller = startController(['--bus', 'pty']);
 * await controller.printed(/\| version /, 10_000);
 */
export function startController(args: readonly string[]): ControllerProcess {
  const child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', MAIN, ...args], { cwd: root });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<ControllerExit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...output }));
  });
  const printed = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!pattern.test(output.stdout)) return;
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve();
      };
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stdout: ${output.stdout}; stderr: ${output.stderr}`)), timeoutMs);
      child.stdout.on('data', check);
      void exited.then(() => setImmediate(() => reject(new Error(`exited before printing ${pattern}; stdout: ${output.stdout}; stderr: ${output.stderr}`))));
      check();
    });
  const childrenRunning = (command: string): number[] => {
    const pid = child.pid as number;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.filter((each) => readFileSync(`/proc/${each}/comm`, 'utf8').trim() === command);
  };
  return { child, output, exited, printed, childrenRunning };
}
