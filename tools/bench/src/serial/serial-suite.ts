import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DynamixelBus, wireMicros, XM430_W350 } from '@tickswap/dynamixel';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { createSimulatedBus } from '@tickswap/virtual-bus';
import { withPtyChild } from '../dynamixel/pty-session';
import { tickBytes } from '../dynamixel/tick-bytes';
import { fmt, percentile, table } from '../statistics';
import type { BenchSuite } from '../suite';
import { combineRuns, measureBusLoop, type BusLoopRun } from './measure-bus-loop';

const RATE_HZ = 1000;
const SERVO_COUNTS = [2, 4, 12];
/** Rows are measured in interleaved rounds, so the load of other processes falls on all alike. */
const ROUNDS = 4;
const GOAL = { servos: 4, p99Micros: 500, seconds: 60 };
const SECONDS_VARIABLE = 'SERIAL_BENCH_SECONDS';
const DEFAULT_SECONDS = 20;

/** One stretch of one row: what the loop saw, and the CPU the servos' process used (ms; NaN when they run in the loop's process). */
interface Stretch {
  readonly run: BusLoopRun;
  readonly servoCpuMs: number;
}

/** One row of the table: a bus, its servos, and how to measure a stretch of it. */
interface RowSpec {
  readonly bus: string;
  readonly servos: number;
  measure(seconds: number): Promise<Stretch>;
}

/** One measured row: its stretches combined. */
interface Row {
  readonly bus: string;
  readonly servos: number;
  readonly run: BusLoopRun;
  /** CPU of the servos' process, % of one core; NaN when they run in the loop's process. */
  readonly servoCpu: number;
}

function measuredSeconds(): number {
  const text = process.env[SECONDS_VARIABLE] ?? String(DEFAULT_SECONDS);
  const seconds = Number(text);
  if (!(seconds > 0)) throw new Error(`serial bench failed: ${SECONDS_VARIABLE} must be a positive number of seconds, got '${text}'`);
  return seconds;
}

/** CPU time (user + system, µs) the servos' child process has used so far. */
async function childCpuMicros(child: ChildProcess): Promise<number> {
  child.send('usage');
  const [usage] = (await once(child, 'message')) as [NodeJS.CpuUsage];
  return usage.user + usage.system;
}

/** The baseline: the in-memory simulated bus (the reference robot's two motors, physics on real time) in the same loop. */
async function inMemoryStretch(seconds: number): Promise<Stretch> {
  const bus = createSimulatedBus({ robot: loadRobotDescription(REFERENCE_ROBOT_PATH), clock: () => performance.now() / 1000 });
  await bus.start();
  const run = await measureBusLoop(bus, seconds, RATE_HZ);
  await bus.stop();
  return { run, servoCpuMs: Number.NaN };
}

/** Starts the bus, again after a failed start: on a loaded machine the servos' process can miss a setup deadline. */
async function startPatiently(bus: DynamixelBus, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bus.start();
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

/** `servos` virtual servos with physics in a child process behind a socat pty, driven by a `DynamixelBus` at its default settings. */
function ptyStretch(servos: number, seconds: number): Promise<Stretch> {
  return withPtyChild(join(__dirname, 'servos-process.ts'), [String(servos)], async (transport, child) => {
    const motors = Array.from({ length: servos }, (_, index) => ({ id: index + 1, model: XM430_W350 }));
    // Faults are what is measured: the bus must count them all, never give up.
    const bus = new DynamixelBus({ transport, motors, baudRate: 1_000_000, maxVelocity: 4.5, maxConsecutiveFaults: Number.MAX_SAFE_INTEGER });
    await startPatiently(bus);
    const cpuBefore = await childCpuMicros(child);
    const run = await measureBusLoop(bus, seconds, RATE_HZ);
    const servoCpuMs = ((await childCpuMicros(child)) - cpuBefore) / 1000;
    await bus.stop();
    return { run, servoCpuMs };
  });
}

/** Measures every row in `ROUNDS` interleaved rounds of `seconds / ROUNDS`; returns the rows and the load average at each round's start. */
async function measureRows(specs: readonly RowSpec[], seconds: number, progress: (line: string) => void) {
  const stretches = specs.map((): Stretch[] => []);
  const loads: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    loads.push(loadavg()[0] as number);
    for (const [index, spec] of specs.entries()) {
      progress(`round ${round}/${ROUNDS}: ${spec.bus}, ${spec.servos} servos, ${seconds / ROUNDS} s`);
      stretches[index]?.push(await spec.measure(seconds / ROUNDS));
    }
  }
  loads.push(loadavg()[0] as number);
  const rows = specs.map((spec, index): Row => {
    const mine = stretches[index] as Stretch[];
    const run = combineRuns(mine.map((stretch) => stretch.run));
    const servoCpuMs = mine.reduce((sum, stretch) => sum + stretch.servoCpuMs, 0);
    return { bus: spec.bus, servos: spec.servos, run, servoCpu: (servoCpuMs / run.usage.wallMs) * 100 };
  });
  return { rows, loads };
}

function cells(row: Row, baselineP99: number): string[] {
  const { roundTrip, faultedTicks, missed, usage } = row.run;
  const p99 = percentile(roundTrip, 0.99);
  return [
    row.bus,
    String(row.servos),
    String(roundTrip.length),
    fmt(percentile(roundTrip, 0.5)),
    fmt(p99),
    fmt(percentile(roundTrip, 1)),
    String(faultedTicks),
    String(missed),
    fmt((usage.cpuMs / usage.wallMs) * 100, 0),
    Number.isNaN(row.servoCpu) ? '(same process)' : fmt(row.servoCpu, 0),
    `${fmt(p99 / baselineP99, 0)}×`,
    fmt(wireMicros(tickBytes(row.servos), 1_000_000), 0),
  ];
}

function goalLine(row: Row, seconds: number): string {
  const p99 = percentile(row.run.roundTrip, 0.99);
  const met = p99 <= GOAL.p99Micros && row.run.faultedTicks === 0 && seconds >= GOAL.seconds;
  const short = seconds < GOAL.seconds ? `; measured over ${seconds} s, not ${GOAL.seconds}: \`${SECONDS_VARIABLE}=${GOAL.seconds} npm run bench -- serial\`` : '';
  return `Goal: ${GOAL.servos} servos at ${RATE_HZ / 1000} kHz with round trip p99 ≤ ${GOAL.p99Micros} µs and no fault over ${GOAL.seconds} s: ${met ? 'met' : 'NOT met'} (p99 ${fmt(p99)} µs, ${row.run.faultedTicks} ticks with a fault${short}).`;
}

/**
 * `npm run bench -- serial`: the control loop at 1 kHz over the whole serial
 * path (DynamixelBus, serialport, socat pty, virtual servos with physics in a
 * child process) with 2, 4 and 12 servos, against the in-memory simulated bus
 * in the same loop and run. `SERIAL_BENCH_SECONDS` sets the seconds per row
 * (default 20; the goal asks for 60).
 *
 * @example
 * const body = await serialSuite.run(console.log);
 */
export const serialSuite: BenchSuite = {
  name: 'serial',
  title: 'Serial bus: control loop at 1 kHz over a pseudo-terminal',
  async run(progress) {
    const seconds = measuredSeconds();
    const specs: RowSpec[] = [
      { bus: 'in-memory `SimulatedBus` (baseline)', servos: 2, measure: inMemoryStretch },
      ...SERVO_COUNTS.map((servos) => ({ bus: '`DynamixelBus` over a socat pty', servos, measure: (stretch: number) => ptyStretch(servos, stretch) })),
    ];
    const { rows, loads } = await measureRows(specs, seconds, progress);
    const baselineP99 = percentile((rows[0] as Row).run.roundTrip, 0.99);
    const header = ['bus', 'servos', 'ticks', 'p50 µs', 'p99 µs', 'max µs', 'ticks with a bus fault', 'missed periods', 'CPU loop %', 'CPU servos %', 'p99 vs baseline', 'wire µs at 1 Mbaud'];
    const goalRow = rows.find((row) => row.servos === GOAL.servos && row !== rows[0]) as Row;
    return [
      `${seconds} s per row at ${RATE_HZ} Hz, in ${ROUNDS} interleaved rounds of ${seconds / ROUNDS} s (each after 1 s of warm-up) so the load of other processes falls on all rows alike: the control loop (\`TickLoop\` on the \`'precise'\` scheduler) reads every motor, sets goals sweeping ±2 rad/s and writes them, as the controller does. Round trip: the read phase (Sync Read of present current, velocity and position, awaited) plus the write phase (Sync Write of goal velocity, queued) of each tick. The servos are \`VirtualServos\` with physics (\`ServoRig\` of the reference motor, ids 1..n) in a child process on the other end of a \`socat\` pty pair, both ends opened through \`serialport\`; the bus runs at its default settings (reply margin 2 ms, so a reply later than about 3 ms is a timeout fault), never giving up. Baseline, in the same loop and run: the in-memory \`SimulatedBus\` of the reference robot. CPU: % of one core over the measured seconds. A pty does not pace bytes: the wire time a real 1 Mbaud bus adds (return delay 0) is computed in the last column. Load average at the start of each round and at the end: ${loads.map((load) => fmt(load, 2)).join(', ')}, on ${cpus().length} cores shared with other work.`,
      '',
      table(header, rows.map((row) => cells(row, baselineP99))),
      '',
      goalLine(goalRow, seconds),
      '',
      `What limits it: the pty path's own latency on a shared ${cpus().length}-core machine. The loop's \`'precise'\` scheduler keeps one core busy waiting for deadlines; the servos' process, socat and every other process share what is left, so a reply waits for the OS to schedule three processes, and a tail of milliseconds (the \`dynamixel\` suite's echo floor, nothing decoded, shows the same tail) is the machine's, not the protocol's. On a real bus the wire sets a floor instead: ${fmt(wireMicros(tickBytes(GOAL.servos), 1_000_000), 0)} µs a tick for ${GOAL.servos} servos at 1 Mbaud, more than the 1 ms period, so 1 kHz with ${GOAL.servos} servos needs 2 Mbaud (${fmt(wireMicros(tickBytes(GOAL.servos), 2_000_000), 0)} µs) or more (4.5 Mbaud: ${fmt(wireMicros(tickBytes(GOAL.servos), 4_500_000), 0)} µs), plus each servo's Return Delay Time.`,
    ].join('\n');
  },
};
