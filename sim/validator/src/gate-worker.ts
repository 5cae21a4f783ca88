// The gate's worker thread: loads the runtime, says it is ready, runs one
// gate job and posts its verdict. Started by GateWorker; the host stops it
// after the verdict, on its time limit, or when it crashes.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { runGateJob } from './gate-job';
import type { GateRequest } from './gate-request';
import { ProgressCell } from './progress-cell';
import { warmUp } from './warm-up';
import type { WorkerMessage, WorkerSetup } from './worker-protocol';

const setup = workerData as WorkerSetup;
try {
  // Linux sets the niceness of the calling thread only: the gate yields the CPU to the live loop's thread.
  setPriority(setup.niceness);
} catch {
  // Not permitted here: the gate runs at the process's priority.
}
const cell = new ProgressCell(setup.progress);
const port = parentPort as NonNullable<typeof parentPort>;
const reply = (message: WorkerMessage): void => port.postMessage(message);

port.once('message', (request: GateRequest) => {
  try {
    reply({ verdict: runGateJob(request, cell) });
  } catch (error) {
    reply({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
if (setup.warmUp) warmUp();
reply({ ready: true });
