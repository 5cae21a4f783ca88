import type { GateVerdict } from './gate-verdict';

/** What the gate's worker is started with (`workerData`). */
export interface WorkerSetup {
  /** The shared memory of its `ProgressCell`. */
  readonly progress: SharedArrayBuffer;
  /** Its thread's niceness (Linux applies it to the thread alone). */
  readonly niceness: number;
  /** Run a throwaway simulation before saying it is ready (a standby worker has the time). */
  readonly warmUp: boolean;
}

/**
 * What the worker posts: `ready` once the runtime is loaded, then for its
 * one job the verdict, or the error of a request it could not run.
 */
export type WorkerMessage = { readonly ready: true } | { readonly verdict: GateVerdict } | { readonly error: string };
