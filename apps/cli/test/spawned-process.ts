import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** A TypeScript entry point of the repository run as a process, and what it printed so far. */
export interface SpawnedProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<number | null>;
  /** Resolves with the match once stdout matches `pattern`; rejects after `timeoutMs`, or if the process exits first. */
  printed(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
}

/**
 * Runs `script` (a path from the repository's root) with `args`, the way
 * `npm start` and `npm run tickswap` do.
 *
 * @example
 * const monitor = spawnScript('apps/cli/src/main.ts', ['monitor', 'sim-1']);
 * await monitor.printed(/online, version 0/, 30_000);
 */
export function spawnScript(script: string, args: readonly string[]): SpawnedProcess {
  const child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', join(root, script), ...args], { cwd: root });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const printed = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(output.stdout);
        if (match === null) return;
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match);
      };
      const timer = setTimeout(() => reject(new Error(`${script}: no ${pattern} within ${timeoutMs} ms; stdout: ${output.stdout}; stderr: ${output.stderr}`)), timeoutMs);
      child.stdout.on('data', check);
      void exited.then(() => setImmediate(() => reject(new Error(`${script} exited before printing ${pattern}; stdout: ${output.stdout}; stderr: ${output.stderr}`))));
      check();
    });
  return { child, output, exited, printed };
}
