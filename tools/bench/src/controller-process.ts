import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

/** The controller's entry point: a benchmark runs it as a process, as a robot board and `tickswap dev` do. */
const CONTROLLER_MAIN = join(__dirname, '..', '..', '..', 'apps', 'controller', 'src', 'main.ts');

/** A line the controller printed and when it arrived here (`performance.now()`, ms). */
export interface TimedLine {
  readonly text: string;
  readonly at: number;
}

/**
 * The controller (`npm start -- <args>`) as a child process, and every line
 * it prints with its time of arrival.
 *
 * @example
 * const dev = new ControllerProcess(['--dev', src, '--journal', journal]);
 * await dev.next(/dev: watching/, 0, 60_000);
 */
export class ControllerProcess {
  readonly lines: TimedLine[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();
  private partial = '';
  private exited = false;

  constructor(args: readonly string[]) {
    this.child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', CONTROLLER_MAIN, ...args]);
    this.child.stdout.on('data', (chunk: Buffer) => {
      const at = performance.now();
      const parts = (this.partial + chunk.toString()).split('\n');
      this.partial = parts.pop() ?? '';
      for (const text of parts) this.lines.push({ text, at });
      for (const wake of this.waiters) wake();
    });
    this.child.stderr.on('data', (chunk: Buffer) => this.lines.push({ text: `stderr: ${chunk.toString()}`, at: performance.now() }));
    this.child.on('close', () => {
      this.exited = true;
      for (const wake of this.waiters) wake();
    });
  }

  /** The first line from index `from` on that matches; rejects after `timeoutMs` or when the process exits first. */
  next(pattern: RegExp, from: number, timeoutMs: number): Promise<{ line: TimedLine; index: number; match: RegExpExecArray }> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        for (let index = from; index < this.lines.length; index += 1) {
          const line = this.lines[index] as TimedLine;
          const match = pattern.exec(line.text);
          if (match === null) continue;
          done();
          resolve({ line, index, match });
          return;
        }
        if (this.exited) fail('the controller exited');
      };
      const fail = (why: string): void => {
        done();
        reject(new Error(`ControllerProcess#next failed: no line like ${pattern}: ${why}; last lines:\n${this.lines.slice(-15).map((l) => l.text).join('\n')}`));
      };
      const timer = setTimeout(() => fail(`not within ${timeoutMs} ms`), timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Stops the controller (SIGTERM: it stops the motors first) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.kill('SIGTERM');
    await closed;
  }
}
