import { PreciseScheduler, TickLoop, type TickPhases } from '@tickswap/control-loop';
import { createMotorCommands, createMotorReadings, type MotorBus } from '@tickswap/motor-bus';
import { usageMeter, type Usage } from '../loop/usage-meter';

/** A control loop run on a bus: every tick's bus round trip and whether it faulted. */
export interface BusLoopRun {
  /** Read phase (sync read, awaited) plus write phase (sync write, queued) of each measured tick, µs. */
  readonly roundTrip: Float64Array;
  /** Measured ticks in which the bus counted a fault. */
  readonly faultedTicks: number;
  /** Grid periods the loop skipped because a tick overran. */
  readonly missed: number;
  /** What the measured stretch cost this process. */
  readonly usage: Usage;
}

/**
 * Runs the control loop (`TickLoop` on the `'precise'` scheduler) at `rateHz`
 * on `bus` for a second of warm-up and then `seconds` measured: each tick
 * reads every motor, sets goals that sweep ±2 rad/s, writes them. The bus must
 * already be started.
 *
 * @example
 * const run = await measureBusLoop(bus, 20, 1000);
 */
export async function measureBusLoop(bus: MotorBus, seconds: number, rateHz: number): Promise<BusLoopRun> {
  const warmUp = rateHz;
  const measured = Math.round(seconds * rateHz);
  const readings = createMotorReadings(bus.motorCount);
  const commands = createMotorCommands(bus.motorCount);
  const roundTrip = new Float64Array(measured);
  let faultedTicks = 0;
  let faultsBefore = bus.statistics().faults;
  let usage: (() => Usage) | undefined;
  const phases: TickPhases = {
    read: () => bus.read(readings),
    update: (tick) => void commands.velocity.fill(2 * Math.sin(tick.index / 500)),
    write: () => bus.write(commands),
    boundary: (tick) => {
      if (tick.index === warmUp - 1) usage = usageMeter();
      if (tick.index === warmUp + measured - 1) void loop.stop();
    },
  };
  const loop: TickLoop = new TickLoop(phases, { scheduler: new PreciseScheduler({ mode: 'precise' }), rateHz, maxConsecutiveFaults: Infinity });
  let missedAtStart = 0;
  loop.ticks$.subscribe((record) => {
    const faults = bus.statistics().faults;
    const index = record.index - warmUp;
    if (index === -1) missedAtStart = loop.missedPeriods;
    if (index >= 0) {
      roundTrip[index] = (record.read + record.write) * 1000;
      if (faults > faultsBefore) faultedTicks++;
    }
    faultsBefore = faults;
  });
  loop.start();
  await loop.stopped;
  const used = (usage as () => Usage)();
  return { roundTrip, faultedTicks, missed: loop.missedPeriods - missedAtStart, usage: used };
}

/**
 * The runs of one bus, measured in interleaved rounds, as one: every tick's
 * round trip in order, faulted ticks, missed periods and usage summed.
 *
 * @example
 * const all = combineRuns([firstRound, secondRound]);
 */
export function combineRuns(runs: readonly BusLoopRun[]): BusLoopRun {
  const roundTrip = new Float64Array(runs.reduce((sum, run) => sum + run.roundTrip.length, 0));
  let at = 0;
  for (const run of runs) {
    roundTrip.set(run.roundTrip, at);
    at += run.roundTrip.length;
  }
  const sum = (field: (run: BusLoopRun) => number): number => runs.reduce((total, run) => total + field(run), 0);
  return {
    roundTrip,
    faultedTicks: sum((run) => run.faultedTicks),
    missed: sum((run) => run.missed),
    usage: { cpuMs: sum((run) => run.usage.cpuMs), wallMs: sum((run) => run.usage.wallMs), preemptions: sum((run) => run.usage.preemptions) },
  };
}
