import { PreciseScheduler, TIMING_MODES, type TimingMode } from '@tickswap/control-loop';
import { cpus, loadavg } from 'node:os';
import { asyncScheduler } from 'rxjs';
import type { BenchSuite } from '../suite';
import { fmt, table } from '../statistics';
import type { LatenessSummary } from './lateness-summary';
import { measureInRounds, type Contender } from './measure-in-rounds';
import { measureInterval } from './measure-interval';

const TICKS = 5000;
const ROUNDS = 5;
const RATE_HZ = 1000;
const GOAL_P99_US = 50;
const MODES: readonly TimingMode[] = ['precise', 'balanced', 'efficient'];
const YIELD_ONLY = "TickLoop on PreciseScheduler `'precise'`, `spinSliceMs: 0` (setImmediate only)";
const ON_ASYNC = 'TickLoop on RxJS `asyncScheduler` (clock: `Date.now()`, whole ms)';
const label = (mode: TimingMode) => `TickLoop on PreciseScheduler \`'${mode}'\``;

const WAITS: Readonly<Record<TimingMode, string>> = {
  precise: `sleeps until ${TIMING_MODES.precise} ms before the deadline, then waits actively (spins of ≤ 20 µs between setImmediate yields)`,
  balanced: `sleeps until ${TIMING_MODES.balanced} ms before the deadline, then waits actively`,
  efficient: 'sleeps only (setTimeout); a timer that wakes early sleeps again',
};

/**
 * `npm run bench -- loop`: tick-start lateness of the control loop at 1 kHz
 * for each timing mode of the precise scheduler, against RxJS `interval(1)`
 * measured in the same run.
 *
 * @example
 * const body = await loopSuite.run(console.log);
 */
export const loopSuite: BenchSuite = {
  name: 'loop',
  title: 'Control loop: tick-start lateness at 1 kHz',
  async run(progress) {
    const load = loadavg()[0] as number;
    progress(`RxJS interval(1): ${TICKS} ticks`);
    const baseline = await measureInterval(TICKS, 1000 / RATE_HZ);
    const contenders: Contender[] = [
      ...MODES.map((mode) => ({ name: label(mode), scheduler: new PreciseScheduler({ mode }) })),
      { name: YIELD_ONLY, scheduler: new PreciseScheduler({ mode: 'precise', spinSliceMs: 0 }) },
      { name: ON_ASYNC, scheduler: asyncScheduler },
    ];
    const loops = await measureInRounds(contenders, TICKS, ROUNDS, RATE_HZ, progress);
    const figures = (name: string) => loops.get(name) as LatenessSummary;
    const mode = (m: TimingMode) => figures(label(m));

    const row = (name: string, s: LatenessSummary): string[] => {
      const cells = [fmt(s.p50), fmt(s.p99), fmt(s.p999), fmt(s.max), String(s.missed), fmt(s.cpu, 0), String(s.preemptions)];
      return [name, ...cells, `${fmt(baseline.p99 / s.p99, 0)}×`];
    };
    const header = ['timing', 'p50 µs', 'p99 µs', 'p99.9 µs', 'max µs', 'missed periods', 'CPU %', 'preempted', 'p99 vs baseline'];
    const rows = [
      row('RxJS `interval(1)` (baseline)', baseline),
      ...contenders.map(({ name }) => row(name, figures(name))),
    ];
    const precise = mode('precise');
    return [
      `${TICKS} ticks per row at ${RATE_HZ} Hz, empty phases (the figures are the timing source's own). The loop's rows ` +
        `run in ${ROUNDS} interleaved rounds of ${TICKS / ROUNDS} ticks, after a second of warm-up each, so the load of ` +
        `other processes falls on all alike. Lateness: a tick's actual start minus its scheduled start on the grid ` +
        `\`t0 + k × 1 ms\`; for \`interval(1)\`, emission k against \`t0 + (k + 1) × 1 ms\`, so its drift is included. ` +
        `CPU: \`process.cpuUsage\` over wall time, in % of one core. Preempted: involuntary context switches (the ` +
        `kernel gave the CPU to another process; each can delay a tick by milliseconds). Ratio: the baseline's p99 ` +
        `over the row's. Load average when the suite started: ${fmt(load, 2)} on ${cpus().length} cores.`,
      '',
      table(header, rows),
      '',
      `Baseline drift: \`interval(1)\` delivered tick ${TICKS} ${fmt(baseline.driftMs)} ms after its ideal time ` +
        `(${TICKS} ms after start): a mean period of ${fmt(baseline.meanPeriodMs, 3)} ms, ` +
        `${fmt(1000 / baseline.meanPeriodMs, 0)} Hz instead of ${RATE_HZ}. The loop keeps to its grid whatever the scheduler.`,
      '',
      `Goal p99 ≤ ${GOAL_P99_US} µs at ${RATE_HZ} Hz in \`'precise'\` mode: ` +
        `${precise.p99 <= GOAL_P99_US ? 'met' : 'NOT met'} (p99 ${fmt(precise.p99)} µs).`,
      '',
      'Trade-off of the timing modes (choose with `new PreciseScheduler({ mode })`):',
      ...MODES.map(
        (m) =>
          `- \`'${m}'\` ${WAITS[m]}: p99 ${fmt(mode(m).p99)} µs, ${mode(m).missed} periods missed, ` +
          `${fmt(mode(m).cpu, 0)}% of a core.`,
      ),
      '',
      `Yielding on every event-loop turn (\`spinSliceMs: 0\`) allocates an Immediate per turn, about a million a ` +
        `second, and the scavenges this garbage triggers land on deadlines (p99 ${fmt(figures(YIELD_ONLY).p99)} µs, ` +
        `p99.9 ${fmt(figures(YIELD_ONLY).p999)} µs here). Spinning in slices of at most 20 µs between yields cuts ` +
        `the garbage several times over; I/O then waits at most a slice.`,
    ].join('\n');
  },
};
