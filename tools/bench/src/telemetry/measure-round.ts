import { createTickRecord, TickLoop } from '@tickswap/control-loop';
import type { RobotDescription } from '@tickswap/robots';
import { computeMs, latenessMs } from '@tickswap/telemetry';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { SchedulerLike } from 'rxjs';
import { usageMeter, type Usage } from '../loop/usage-meter';
import { collectGarbage } from './collect-garbage';
import { simulatedRobotPhases } from './simulated-robot-phases';
import { startTelemetryStack, type StackFigures, type TelemetryParts } from './telemetry-stack';

/** Pause before the loop starts, ms. */
const SETTLE_MS = 1000;

/** One round of ticks: each tick's lateness and compute time (ms), the periods missed, what it cost, and what telemetry did. */
export interface RoundFigures {
  readonly lateness: number[];
  readonly compute: number[];
  readonly missed: number;
  readonly usage: Usage;
  readonly stack: StackFigures | undefined;
}

/** What a round runs: the robot simulated, the tick rate, how many ticks, which parts of telemetry (none when undefined). */
export interface RoundPlan {
  readonly robot: RobotDescription;
  readonly scheduler: SchedulerLike;
  readonly rateHz: number;
  readonly ticks: number;
  readonly telemetry: TelemetryParts | undefined;
}

/**
 * Runs `plan.ticks` ticks of the simulated robot on SquareMission, alone or
 * with telemetry on (see `startTelemetryStack`); either way one
 * version change happens a third of the way in, which telemetry reports
 * (marked, as the controller marks each commit of its hot swap) with its per-tick window.
 *
 * @example
 * const round = await measureRound({ robot, scheduler: new PreciseScheduler(), rateHz: 1000, ticks: 5000, telemetry: 'all' });
 */
export async function measureRound(plan: RoundPlan, before?: Usage): Promise<RoundFigures> {
  const { robot, scheduler, rateHz, ticks } = plan;
  const changeAt = Math.floor(ticks / 3);
  let stack: Awaited<ReturnType<typeof startTelemetryStack>> | undefined;
  const { phases, state } = await simulatedRobotPhases(robot, scheduler, (tick) => {
    if (tick.index === changeAt) tick.version += 1;
    if (tick.index === ticks - 1) void loop.stop();
  });
  const loop: TickLoop = new TickLoop(phases, { scheduler, rateHz, recordCapacity: ticks, maxConsecutiveFaults: 1 });
  if (plan.telemetry !== undefined) {
    stack = await startTelemetryStack(loop, scheduler, robot.motors.length, join(tmpdir(), `bench-telemetry-${process.pid}.mcap`), plan.telemetry);
    const { telemetry, recorder } = stack;
    const swapped = createTickRecord();
    // As the README shows: samples are taken once the tick's record is closed, so they do not lengthen the boundary
    // (whose duration is an update's downtime); the hot-swap code marks an update once the tick after it has run.
    loop.ticks$.subscribe((record) => {
      recorder?.motors?.sample(record, state.readings, state.commands);
      recorder?.poses.sample(record, state.pose);
      if (record.index !== changeAt + 1) return;
      const { commit, version } = loop.records.read(changeAt, swapped);
      telemetry.markUpdate({ tick: changeAt, kind: 'commit', from: version, to: record.version, pauseMs: commit });
    });
  }
  // Every configuration starts from a settled process: the stream's client (a fresh Node compiling its script
  // on the other core) stands in for a browser on another machine, and its start-up is not telemetry's cost;
  // and from a collected heap, not paying for the garbage of the round before.
  await sleep(SETTLE_MS);
  collectGarbage();
  const usage = usageMeter(before);
  loop.start();
  await loop.stopped;
  const used = usage();
  const records = loop.records.window(0, ticks);
  return {
    lateness: records.map(latenessMs),
    compute: records.map(computeMs),
    missed: loop.missedPeriods,
    usage: used,
    stack: await stack?.stop(),
  };
}
