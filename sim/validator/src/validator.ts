import { checkRequest } from './check-request';
import type { GateRequest } from './gate-request';
import type { GateVerdict } from './gate-verdict';
import { GateWorker, type WorkerOptions } from './gate-worker-thread';
import type { GateProgress } from './progress-cell';

/** The niceness of the gate's workers unless told otherwise. */
export const DEFAULT_NICENESS = 19;

/** How a {@link Validator} runs its workers. */
export interface ValidatorOptions {
  /**
   * Niceness of the workers' threads (default 19: a gate gets the CPU no one
   * else wants, so the live loop is not disturbed; on a loaded machine it
   * takes longer, and may reach its time limit, which rejects the patch).
   */
  readonly niceness?: number;
  /** Heap limit of a worker, MB (default 256). */
  readonly maxMemoryMb?: number;
}

/**
 * The simulator gate: proves a patch on the simulator, from a copy of the
 * live state, in a worker thread (one per gate: the candidate's code and
 * its migration never run on the caller's thread, and an infinite loop or
 * a crash ends that worker only). See {@link GateRequest} and {@link GateVerdict}.
 *
 * A worker takes a few hundred milliseconds of CPU to load the runtime: a
 * host that cannot wait that long when a patch arrives calls
 * {@link standBy} at a quiet moment (the controller does so before its loop
 * starts, and again once each update has settled), so the next gate starts
 * on a worker that is loaded and warmed up.
 *
 * @example
 * const validator = new Validator();
 * await validator.standBy();
 * const verdict = await validator.run(request, (progress) => bar.update(progress.simulatedS / progress.horizonS));
 * if (!verdict.accepted) console.log(verdict.failure?.message);
 * await validator.close();
 */
export class Validator {
  private readonly worker: WorkerOptions;
  private standby: GateWorker | undefined;
  private closed = false;

  constructor(options: ValidatorOptions = {}) {
    this.worker = { niceness: options.niceness ?? DEFAULT_NICENESS, maxMemoryMb: options.maxMemoryMb ?? 256, warmUp: false };
  }

  /**
   * Starts a worker now, for the next {@link run}: it loads the runtime and
   * warms the simulation's code up. Resolves once it is ready (at once if
   * one is waiting already, or the validator is closed); never rejects: a
   * worker that could not start is replaced by the next run.
   */
  async standBy(): Promise<void> {
    if (this.closed) return;
    this.standby ??= new GateWorker({ ...this.worker, warmUp: true });
    await this.standby.ready.catch(() => undefined);
  }

  /**
   * Runs one gate, on the standby worker if one is waiting, else on a new
   * one. Resolves with the verdict (a failure of any kind, the worker's
   * included, is a rejection naming its check); throws GateConfigError,
   * before any work, for a request that cannot be run.
   */
  async run(request: GateRequest, onProgress?: (progress: GateProgress) => void): Promise<GateVerdict> {
    const settings = checkRequest(request, 'Validator#run');
    const started = performance.now();
    const worker = this.standby ?? new GateWorker(this.worker);
    this.standby = undefined;
    await worker.ready.catch(() => undefined);
    const workerStartMs = performance.now() - started;
    const verdict = await worker.run(request, settings.timeLimitMs, onProgress);
    return { ...verdict, timing: { ...verdict.timing, wallMs: performance.now() - started, workerStartMs } };
  }

  /** Stops the standby worker; the validator runs no more gates. */
  async close(): Promise<void> {
    this.closed = true;
    await this.standby?.terminate();
    this.standby = undefined;
  }
}

/**
 * One gate with a worker of its own (started, used, stopped): for a desk,
 * a test, a one-off check. See {@link Validator}.
 *
 * @example
 * const verdict = await runGate(request);
 * process.exitCode = verdict.accepted ? 0 : 1;
 */
export async function runGate(request: GateRequest, onProgress?: (progress: GateProgress) => void, options: ValidatorOptions = {}): Promise<GateVerdict> {
  const validator = new Validator(options);
  try {
    return await validator.run(request, onProgress);
  } finally {
    await validator.close();
  }
}
