import { cpus, loadavg } from 'node:os';
import type { LatenessSummary } from '../loop/lateness-summary';
import { DEFAULT_NICENESS, Validator } from '@tickswap/validator';
import type { BenchSuite } from '../suite';
import { fmt, median, percentile, table } from '../statistics';
import { benchRequest } from './gate-request';
import { loopUnderGates } from './loop-under-gates';
import { cpuSince, threadCpu } from './thread-cpu';
import { timeGates, type GateRun } from './time-gates';

const HORIZON_S = 10;
const LIVE_S = 9;
const RUNS = 7;
const LOOP_TICKS = 2500;
const LOOP_ROUNDS = 6;
const GOAL_SPEED = 500;
const GOAL_VERDICT_MS = 250;
const GOAL_LOOP_RATIO = 1.2;

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function timingRows(name: string, runs: readonly GateRun[]): string[] {
  const of = (pick: (run: GateRun) => number) => runs.map(pick);
  const spread = (values: number[], digits: number) => `${fmt(median(values), digits)} (${fmt(percentile(values, 0.1), digits)}–${fmt(percentile(values, 0.9), digits)})`;
  return [name, spread(of((r) => r.wallMs), 0), spread(of((r) => r.workerStartMs), 0), spread(of((r) => r.simulateMs), 1), `${fmt(median(of((r) => r.speed)), 0)}×`];
}

/** The CPU of one standby worker's start-up, on its own thread and on the process's others. */
async function standbyCost(): Promise<{ atNiceness: number; others: number }> {
  const validator = new Validator();
  const before = threadCpu();
  await validator.standBy();
  const cost = cpuSince(before, threadCpu(), DEFAULT_NICENESS);
  await validator.close();
  return cost;
}

/**
 * `npm run bench -- gate`: the simulator gate on the demo patch from a live
 * state: its wall time for a 10 s horizon with the worker's start-up, the
 * simulator's speed, and what gates running in their worker threads do to
 * the live loop's tick-start lateness, against the loop alone in the same run.
 *
 * @example
 * const body = await gateSuite.run(console.log);
 */
export const gateSuite: BenchSuite = {
  name: 'gate',
  title: 'Simulator gate: verdict time, simulator speed, live loop beside it',
  async run(progress) {
    const loadBefore = loadavg()[0] as number;
    const request = await benchRequest(LIVE_S, HORIZON_S);
    progress(`${RUNS} gates each way, ${HORIZON_S} s horizon`);
    const { cold, standby } = await timeGates(request, RUNS, progress);
    const standbyCpu = await standbyCost();
    progress(`live loop: ${LOOP_ROUNDS} rounds of ${LOOP_TICKS} ticks alone and beside gates`);
    const loop = await loopUnderGates(request, LOOP_TICKS, LOOP_ROUNDS, progress);
    const loadAfter = loadavg()[0] as number;
    const speed = median(standby.map((r) => r.speed));
    const coldMs = median(cold.map((r) => r.wallMs));
    const standbyMs = median(standby.map((r) => r.wallMs));
    const ratio = loop.duringGates.p99 / loop.alone.p99;
    const loopRow = (name: string, s: LatenessSummary) => [name, String(s.ticks), fmt(s.p50), fmt(s.p99), fmt(s.p999), fmt(s.max), `${fmt(s.p99 / loop.alone.p99, 2)}×`];
    return [
      `The demo patch (\`patches/pid-integral-limit\`, 0 -> 1) against the live state of the reference robot after ${LIVE_S} s of the ` +
        `square mission (turning at its first corner), ${HORIZON_S} s of robot time at 1 kHz: the running version (shadow) then the ` +
        `candidate, ${HORIZON_S * 1000} ticks each, physics step 0.5 ms, in a worker thread at niceness ${DEFAULT_NICENESS}. ${RUNS} gates each way, ` +
        `interleaved. Load average ${fmt(loadBefore, 2)} when the suite started and ${fmt(loadAfter, 2)} when it ended, on ${cpus().length} cores shared with other work.`,
      '',
      'Columns: wall time from the request to the verdict; of which waiting for the worker to load the runtime (from its TypeScript ' +
        "sources); the two simulated runs in the worker; the simulator's speed, simulated seconds per wall second over both runs. " +
        'Median (p10–p90) of the runs.',
      '',
      table(
        ['gate', 'verdict ms', 'worker start ms', 'simulation ms', 'speed (× real time)'],
        [timingRows('cold: a worker started for the gate (`runGate`)', cold), timingRows('standby: a worker loaded and warmed up beforehand (`Validator#standBy`, as the controller)', standby)],
      ),
      '',
      `Live loop: a \`TickLoop\` at 1 kHz on \`PreciseScheduler('precise')\` with empty phases, ${LOOP_ROUNDS} rounds of ${LOOP_TICKS} ticks ` +
        `alone and as many while gates ran back to back beside it in the same process (${loop.gates} gates, each on a new worker ` +
        'loaded and warmed up just before it, as the controller loads one after each update), and as many beside a worker thread that ' +
        'only spins at the same niceness (what using the other core at all costs the loop on this machine), the order rotated every round. The ticks ' +
        'of the gated rounds are split by when they were due: during a gate (request to verdict) or between gates (the next worker ' +
        `loading). Tick-start lateness in µs; ratio: p99 over the loop alone. Periods missed: ${loop.missed.alone} alone, ${loop.missed.gated} in the gated rounds, ${loop.missed.spinning} beside the spinning thread.`,
      '',
      table(
        ['loop', 'ticks', 'p50 µs', 'p99 µs', 'p99.9 µs', 'max µs', 'p99 vs alone'],
        [
          loopRow('alone (baseline)', loop.alone),
          loopRow('during a gate run', loop.duringGates),
          loopRow('between gates: next worker loading', loop.betweenGates),
          loopRow('beside a thread that only spins (contrast)', loop.besideSpinner),
        ],
      ),
      '',
      `Where a worker's start-up runs: loading the runtime and warming up took ${fmt(standbyCpu.atNiceness, 0)} ms of CPU on threads at ` +
        `niceness ${DEFAULT_NICENESS} (the worker's) and ${fmt(standbyCpu.others, 0)} ms on the process's other threads, at the loop's niceness: ` +
        "the main thread waits meanwhile; they are V8's platform threads, which the worker's isolate shares with the loop's for compiling " +
        "and collecting garbage, and which a thread's niceness " +
        'does not reach (`/proc/self/task`, 10 ms resolution, one start-up).',
      '',
      `- Goal ≥ ${GOAL_SPEED}× real time: ${met(speed >= GOAL_SPEED)} (${fmt(speed, 0)}×, standby worker; cold ${fmt(median(cold.map((r) => r.speed)), 0)}×).`,
      `- Goal verdict for ${HORIZON_S} s within ${GOAL_VERDICT_MS} ms, worker start included: cold ${met(coldMs <= GOAL_VERDICT_MS)} (${fmt(coldMs, 0)} ms), ` +
        `standby ${met(standbyMs <= GOAL_VERDICT_MS)} (${fmt(standbyMs, 0)} ms).`,
      `- Goal live loop p99 during a gate run ≤ ${GOAL_LOOP_RATIO}× alone: ${met(ratio <= GOAL_LOOP_RATIO)} (${fmt(ratio, 2)}×: ${fmt(loop.duringGates.p99)} µs against ${fmt(loop.alone.p99)} µs; ` +
        `${fmt(loop.betweenGates.p99 / loop.alone.p99, 2)}× while a worker loads, ${fmt(loop.besideSpinner.p99 / loop.alone.p99, 2)}× beside a thread that only spins).`,
    ].join('\n');
  },
};
