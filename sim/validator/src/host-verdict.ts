import type { GateVerdict } from './gate-verdict';
import type { GateProgress } from './progress-cell';
import { VerdictBuilder } from './verdict-builder';

const IN_A_RUN = new Set(['shadow', 'candidate']);

/** Where the worker was, in words: its phase and, in a run, the simulated time. */
export function whereItWas(progress: GateProgress): string {
  return IN_A_RUN.has(progress.phase) ? `in the ${progress.phase} run at ${progress.simulatedS.toFixed(3)} s of simulated time` : `while ${progress.phase}`;
}

/**
 * The verdict of a gate whose worker gave none: it ran out of time (a patch
 * that loops forever), crashed or exited (out of memory, `process.exit`), or
 * never started. Rejected, naming the check (`time-limit` or `worker`), the
 * simulated time the worker had reached (shared memory survives the worker)
 * and, stuck in the candidate's run, the behaviour it was in.
 *
 * @example
 * hostVerdict('time-limit', 'the worker gave no verdict within 5000 ms', cell.read());
 */
export function hostVerdict(check: 'time-limit' | 'worker', problem: string, progress: GateProgress | undefined): GateVerdict {
  const builder = new VerdictBuilder();
  const running = progress !== undefined && IN_A_RUN.has(progress.phase);
  builder.add({
    name: check,
    kind: 'system',
    status: 'failed',
    message: progress === undefined ? problem : `${problem}, stopped ${whereItWas(progress)}`,
    ...(running ? { atS: progress.simulatedS } : {}),
    ...(progress?.phase === 'candidate' ? { path: 'root.behaviour' } : {}),
  });
  return builder.verdict();
}
