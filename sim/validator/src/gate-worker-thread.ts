import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GateRequest } from './gate-request';
import type { GateVerdict } from './gate-verdict';
import { hostVerdict } from './host-verdict';
import { ProgressCell, type GateProgress } from './progress-cell';
import type { WorkerMessage, WorkerSetup } from './worker-protocol';

/** How the gate's worker threads run. */
export interface WorkerOptions {
  /** Niceness of the worker's thread, 0 (as the loop) to 19 (only idle CPU). */
  readonly niceness: number;
  /** Heap limit of the worker, MB: a candidate that allocates without end crashes its worker, not the robot. */
  readonly maxMemoryMb: number;
  /** Warm the simulation's code up before it is ready (for a standby worker). */
  readonly warmUp: boolean;
}

/** How long a worker may take to load the runtime before it counts as failed, ms. */
const START_LIMIT_MS = 60_000;
const POLL_MS = 100;

/**
 * The worker runs the runtime from its TypeScript sources, as the main
 * thread does, through tsx's CommonJS hooks: tsx's `--import` hooks are not
 * installed in worker threads on Node 20, and Jest's transform does not
 * reach a worker either, so the hooks are registered by the worker itself.
 */
const BOOT = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, 'gate-worker.ts'))});`;

/**
 * One worker thread for one gate job: started at once (`ready` resolves
 * when it has loaded the runtime), then given one request by {@link run},
 * stopped after it. Nothing of the job runs on the caller's thread.
 *
 * @example
 * const worker = new GateWorker({ niceness: 19, maxMemoryMb: 256, warmUp: false });
 * const verdict = await worker.run(request, 5000, (p) => console.log(p.phase));
 */
export class GateWorker {
  /** Resolves once the worker has loaded the runtime; rejects if it cannot start. */
  readonly ready: Promise<void>;
  private readonly cell = new ProgressCell();
  private readonly worker: Worker;

  constructor(options: WorkerOptions) {
    const setup: WorkerSetup = { progress: this.cell.buffer, niceness: options.niceness, warmUp: options.warmUp };
    this.worker = new Worker(BOOT, {
      eval: true,
      execArgv: ['--conditions=@tickswap/source'],
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
      // A candidate's console output is not the host's: drained, never printed.
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    // Errors reach the caller through `ready` or `run`; one after those (while terminating) must not crash the host.
    this.worker.on('error', () => undefined);
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`it did not load the runtime within ${START_LIMIT_MS} ms`)), START_LIMIT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      this.worker.once('message', (message: WorkerMessage) => settle('ready' in message ? undefined : new Error('it spoke before it was ready')));
      this.worker.once('error', (error) => settle(error));
      this.worker.once('exit', (code) => settle(new Error(`it exited with code ${code} while starting`)));
    });
    this.ready.catch(() => void this.worker.terminate());
  }

  /**
   * Runs `request` in the worker (ready or not yet) and stops the worker
   * after: resolves with its verdict, or with a rejection naming
   * `time-limit` after `timeLimitMs` of the job, or `worker` when it crashed.
   * Never rejects. Calls `onProgress` every 100 ms.
   */
  async run(request: GateRequest, timeLimitMs: number, onProgress?: (progress: GateProgress) => void): Promise<GateVerdict> {
    try {
      await this.ready;
    } catch (error) {
      return hostVerdict('worker', `the gate's worker did not start: ${(error as Error).message}`, undefined);
    }
    const verdict = await new Promise<GateVerdict>((resolve) => {
      const onMessage = (message: WorkerMessage) => {
        if ('verdict' in message) finish(message.verdict);
        else if ('error' in message) finish(hostVerdict('worker', `the worker could not run the request: ${message.error}`, this.cell.read()));
      };
      const onError = (error: Error) => finish(hostVerdict('worker', `the worker crashed: ${error.message}`, this.cell.read()));
      const onExit = (code: number) => finish(hostVerdict('worker', `the worker exited with code ${code}`, this.cell.read()));
      const finish = (result: GateVerdict) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(result);
      };
      const timer = setTimeout(() => finish(hostVerdict('time-limit', `the worker gave no verdict within ${timeLimitMs} ms`, this.cell.read())), timeLimitMs);
      // Only for a caller that shows progress: the controller's thread is not woken for nothing.
      const poll = onProgress === undefined ? undefined : setInterval(() => onProgress(this.cell.read()), POLL_MS);
      this.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      this.worker.postMessage(request);
    });
    await this.terminate();
    return verdict;
  }

  /** Stops the worker, whatever it is doing. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
