import { runGate, Validator, type GateRequest, type GateVerdict } from '@tickswap/validator';

/** What one gate took, ms, and how fast it simulated. */
export interface GateRun {
  readonly wallMs: number;
  readonly workerStartMs: number;
  readonly simulateMs: number;
  /** Simulated seconds per wall second of the two runs (shadow and candidate). */
  readonly speed: number;
}

function runOf(verdict: GateVerdict): GateRun {
  if (!verdict.accepted) throw new Error(`gate suite: the demo patch was rejected (${verdict.failure?.check}: ${verdict.failure?.message}); the figures would not be a gate's`);
  const { wallMs, workerStartMs, shadowMs, candidateMs, speed } = verdict.timing;
  return { wallMs, workerStartMs, simulateMs: shadowMs + candidateMs, speed };
}

/**
 * Times `runs` gates of `request` each way, interleaved so that the
 * machine's load falls on both alike: `cold`, a worker started for the gate
 * (`runGate`: its start-up is in the wall time); `standby`, a worker the
 * validator started and warmed up beforehand, while nothing else ran (as the
 * controller has one ready when a patch arrives).
 *
 * @example
 * const { cold, standby } = await timeGates(request, 7, console.log);
 */
export async function timeGates(request: GateRequest, runs: number, progress: (line: string) => void): Promise<{ cold: GateRun[]; standby: GateRun[] }> {
  const cold: GateRun[] = [];
  const standby: GateRun[] = [];
  const validator = new Validator();
  try {
    for (let run = 1; run <= runs; run++) {
      cold.push(runOf(await runGate(request)));
      await validator.standBy();
      standby.push(runOf(await validator.run(request)));
      progress(`run ${run}/${runs}: cold ${cold.at(-1)?.wallMs.toFixed(0)} ms, standby ${standby.at(-1)?.wallMs.toFixed(0)} ms`);
    }
  } finally {
    await validator.close();
  }
  return { cold, standby };
}
