import { checkRequest } from './check-request';
import type { GateRequest } from './gate-request';
import type { GateVerdict } from './gate-verdict';
import { GateWorker, type WorkerOptions } from './gate-worker-thread';
import type { GateProgress } from './progress-cell';

/** How a {@link Validator} runs its workers. */
export interface ValidatorOptions {
  /**
   * Keep one worker started and loaded ahead of the next gate, so that a
   * gate does not wait for the runtime to load (the controller does; a
   * one-off run at a desk need not). Default false.
   */
  readonly standby?: boolean;
  /** Niceness of the workers' threads (default 10: below the live loop, above idle). */
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
 * @example
 * const validator = new Validator({ standby: true });
 * const verdict = await validator.run(request, (progress) => bar.update(progress.simulatedS / progress.horizonS));
 * if (!verdict.accepted) console.log(verdict.failure?.message);
 * await validator.close();
 */
export class Validator {
  private readonly worker: WorkerOptions;
  private standby: GateWorker | undefined;
  private closed = false;

  constructor(private readonly options: ValidatorOptions = {}) {
    this.worker = { niceness: options.niceness ?? 10, maxMemoryMb: options.maxMemoryMb ?? 256, warmUp: false };
    if (options.standby === true) this.standby = this.spawnStandby();
  }

  /**
   * Runs one gate. Resolves with the verdict (a failure of any kind,
   * the worker's included, is a rejection naming its check); throws
   * GateConfigError, before any work, for a request that cannot be run.
   */
  async run(request: GateRequest, onProgress?: (progress: GateProgress) => void): Promise<GateVerdict> {
    const settings = checkRequest(request, 'Validator#run');
    const started = performance.now();
    const worker = this.standby ?? new GateWorker(this.worker);
    this.standby = undefined;
    await worker.ready.catch(() => undefined);
    const workerStartMs = performance.now() - started;
    const verdict = await worker.run(request, settings.timeLimitMs, onProgress);
    if (this.options.standby === true && !this.closed) this.standby ??= this.spawnStandby();
    return { ...verdict, timing: { ...verdict.timing, wallMs: performance.now() - started, workerStartMs } };
  }

  /** A worker that loads and warms up now, for the next gate. */
  private spawnStandby(): GateWorker {
    return new GateWorker({ ...this.worker, warmUp: true });
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
export async function runGate(request: GateRequest, onProgress?: (progress: GateProgress) => void, options: Omit<ValidatorOptions, 'standby'> = {}): Promise<GateVerdict> {
  const validator = new Validator(options);
  try {
    return await validator.run(request, onProgress);
  } finally {
    await validator.close();
  }
}
