import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The controller process the benchmark publishes to, and what it printed so far. */
export interface RobotProcess {
  readonly child: ChildProcess;
  /** Resolves once its stdout matches `pattern`; rejects if it exits first or after `timeoutMs`. */
  printed(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Ctrl-C, then waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the controller on the simulated robot (`npm start -- <args>`) in
 * its own process, as a robot board runs it.
 *
 * @example
 * const robot = startRobotProcess(['--broker', url, '--robot-id', 'bench-1']);
 * await robot.printed(/mqtt: connected/, 60_000);
 */
export function startRobotProcess(args: readonly string[]): RobotProcess {
  const child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', join(ROOT, 'apps/controller/src/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    printed: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = setInterval(() => {
          if (pattern.test(stdout)) return settle(resolve);
          if (child.exitCode !== null || Date.now() > deadline) settle(() => reject(new Error(`startRobotProcess: no ${pattern} from the controller (exit ${child.exitCode}):\n${stdout}\n${stderr}`)));
        }, 20);
        const settle = (then: () => void) => {
          clearInterval(poll);
          then();
        };
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
