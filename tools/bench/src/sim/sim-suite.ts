import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import type { BenchSuite } from '../suite';
import { fmt, median, percentile, table } from '../statistics';
import { timeSimulation, type SimulationScenario } from './measure-simulation';

const TICK = 0.001;
const SIMULATED_SECONDS = 30;
const RUNS = 11;
const GOAL_REAL_TIME = 500;

const SCENARIOS: readonly { scenario: SimulationScenario; name: string }[] = [
  { scenario: 'physics', name: 'physics alone (baseline): `SimulatedRobot.advanceTo` each tick' },
  { scenario: 'bus', name: 'in-memory `SimulatedBus` read + write, constant goals' },
  { scenario: 'mission', name: '`SquareMission` on the `SimulatedBus` (read, update, write)' },
];

/**
 * `npm run bench -- sim`: how many times faster than real time the simulator
 * runs the reference robot on SquareMission at a 1 ms tick, against the
 * physics alone measured in the same run.
 *
 * @example
 * const body = await simSuite.run(console.log);
 */
export const simSuite: BenchSuite = {
  name: 'sim',
  title: 'Simulator speed: reference robot on SquareMission, 1 ms tick',
  async run(progress) {
    const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
    const ticks = Math.round(SIMULATED_SECONDS / TICK);
    const walls = SCENARIOS.map(() => [] as number[]);
    for (let run = 0; run <= RUNS; run++) {
      // Interleaved so that drift in machine load spreads over every scenario; run 0 warms the JIT up.
      for (const [i, { scenario }] of SCENARIOS.entries()) {
        const wall = await timeSimulation(robot, scenario, ticks, TICK);
        if (run > 0) walls[i]?.push(wall);
      }
      if (run > 0) progress(`run ${run}/${RUNS}: ${walls.map((w) => `${fmt(SIMULATED_SECONDS / (w.at(-1) as number), 0)}×`).join(', ')}`);
    }
    const perTickUs = walls.map((w) => (median(w) / ticks) * 1e6);
    const baseline = perTickUs[0] as number;
    const rows = SCENARIOS.map(({ name }, i) => {
      const w = walls[i] as number[];
      const speed = (seconds: number) => `${fmt(SIMULATED_SECONDS / seconds, 0)}×`;
      return [name, speed(median(w)), `${speed(percentile(w, 0.9))} – ${speed(percentile(w, 0.1))}`, fmt(perTickUs[i] as number, 2), `${fmt((perTickUs[i] as number) / baseline, 2)}×`];
    });
    const mission = SIMULATED_SECONDS / median(walls[2] as number[]);
    return [
      `${RUNS} runs per row (after one warm-up run) of ${SIMULATED_SECONDS} s of simulated time at a ${TICK * 1000} ms tick ` +
        `(${ticks} ticks) on virtual time, the reference robot (\`reference-diff-drive.json\`), physics step 0.5 ms ` +
        `(2 servo + chassis steps per tick). Speed: simulated seconds per wall second (median; p10–p90 of the runs). ` +
        `Ratio: a row's wall time per tick over the baseline's.`,
      '',
      table(['run', 'speed (× real time)', 'p10–p90', 'µs per tick', 'time vs baseline'], rows),
      '',
      `Goal ≥ ${GOAL_REAL_TIME}× real time for SquareMission on the simulated bus: ` +
        `${mission >= GOAL_REAL_TIME ? 'met' : 'NOT met'} (${fmt(mission, 0)}×).`,
    ].join('\n');
  },
};
