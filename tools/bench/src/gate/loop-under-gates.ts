import { PreciseScheduler } from '@tickswap/control-loop';
import { Worker } from 'node:worker_threads';
import { DEFAULT_NICENESS, Validator, type GateRequest } from '@tickswap/validator';
import { summariseLateness, type LatenessSummary } from '../loop/lateness-summary';
import { measureLoop } from '../loop/measure-loop';
import { NO_USAGE } from '../loop/usage-meter';

/** The live loop's lateness alone, and in the rounds where gates ran beside it. */
export interface LoopComparison {
  readonly alone: LatenessSummary;
  /** The ticks due while a gate ran on a ready worker (from the request to the verdict). */
  readonly duringGates: LatenessSummary;
  /** The other ticks of those rounds: while the next worker loaded the runtime and warmed up. */
  readonly betweenGates: LatenessSummary;
  /** Beside a worker thread that only spins, at the gate's niceness: what any use of another core costs the loop here. */
  readonly besideSpinner: LatenessSummary;
  /** Gates completed beside the loop. */
  readonly gates: number;
  /** Grid periods the loop missed alone, in the gated rounds and beside the spinning thread. */
  readonly missed: { readonly alone: number; readonly gated: number; readonly spinning: number };
}

/** A thread that keeps a core busy at the gate's niceness, doing nothing else. */
const SPINNER = `try { require('node:os').setPriority(${DEFAULT_NICENESS}); } catch {} for (;;) {}`;

/** Runs gates one after the other until `done()`, each on a worker started and warmed up for it; returns when each ran (performance.now(), ms). */
async function gateAfterGate(validator: Validator, request: GateRequest, done: () => boolean): Promise<[number, number][]> {
  const windows: [number, number][] = [];
  while (!done()) {
    await validator.standBy();
    if (done()) break;
    const start = performance.now();
    await validator.run(request);
    windows.push([start, performance.now()]);
  }
  return windows;
}

/**
 * The 1 kHz loop (`'precise'` timing, empty phases: the lateness is the
 * scheduling's own) for `ticks` ticks per round, alone and while gates of
 * `request` run back to back in their workers, in `rounds` interleaved
 * rounds (the order rotated every round), after a second of warm-up, and
 * beside a thread that only spins, for contrast. The
 * ticks of the gated rounds are told apart by when they were due: during a
 * gate (request to verdict, the worker ready) or between gates (the next
 * worker loading the runtime and warming up).
 *
 * @example
 * const { alone, duringGates } = await loopUnderGates(request, 3000, 6, console.log);
 * duringGates.p99 / alone.p99; // the ratio the suite reports
 */
export async function loopUnderGates(request: GateRequest, ticks: number, rounds: number, progress: (line: string) => void): Promise<LoopComparison> {
  const scheduler = new PreciseScheduler({ mode: 'precise' });
  const validator = new Validator();
  await measureLoop(scheduler, 1000, 1000);
  const alone: number[] = [];
  const during: number[] = [];
  const between: number[] = [];
  const spinning: number[] = [];
  const missed = { alone: 0, gated: 0, spinning: 0 };
  let gates = 0;
  const measureAlone = async () => {
    const run = await measureLoop(scheduler, ticks, 1000);
    alone.push(...run.lateness);
    missed.alone += run.missed;
  };
  const measureSpinning = async () => {
    const spinner = new Worker(SPINNER, { eval: true });
    try {
      const run = await measureLoop(scheduler, ticks, 1000);
      spinning.push(...run.lateness);
      missed.spinning += run.missed;
    } finally {
      await spinner.terminate();
    }
  };
  const measureGated = async () => {
    let finished = false;
    const loop = measureLoop(scheduler, ticks, 1000).finally(() => (finished = true));
    const [run, windows] = await Promise.all([loop, gateAfterGate(validator, request, () => finished)]);
    run.starts.forEach((due, k) => (windows.some(([from, to]) => due >= from && due <= to) ? during : between).push(run.lateness[k] as number));
    missed.gated += run.missed;
    gates += windows.length;
  };
  try {
    for (let round = 1; round <= rounds; round++) {
      const order = [measureAlone, measureGated, measureSpinning];
      for (const measure of [...order.slice(round % 3), ...order.slice(0, round % 3)]) await measure();
      progress(`round ${round}/${rounds}: ${gates} gates so far`);
    }
  } finally {
    await validator.close();
  }
  const summary = (lateness: number[]) => summariseLateness(lateness, 0, NO_USAGE);
  return { alone: summary(alone), duringGates: summary(during), betweenGates: summary(between), besideSpinner: summary(spinning), gates, missed };
}
