import { PreciseScheduler } from '@tickswap/control-loop';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { cpus, loadavg } from 'node:os';
import { fmt, table } from '../statistics';
import type { BenchSuite } from '../suite';
import { measureRound } from './measure-round';
import { pooledFigures, ratioRow, roundRatios, type Configuration } from './telemetry-figures';

const RATE_HZ = 1000;
const TICKS_PER_ROUND = 4000;
const ROUNDS = 8;
const GOAL_RATIO = 1.05;

/**
 * `npm run bench -- telemetry`: what running all of telemetry costs the
 * loop. Three configurations in interleaved rounds of the same run: the loop
 * alone, the loop with all of telemetry on, and the loop alone again (an A/A
 * control: how much two identical configurations differ here, which is the
 * noise any ratio must be read against).
 *
 * @example
 * const body = await telemetrySuite.run(console.log);
 */
export const telemetrySuite: BenchSuite = {
  name: 'telemetry',
  title: 'Telemetry: what statistics, recording and the dashboard stream cost the loop',
  async run(progress) {
    const load = loadavg()[0] as number;
    const scheduler = new PreciseScheduler({ mode: 'precise' });
    const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
    const plan = { robot, scheduler, rateHz: RATE_HZ };
    const off: Configuration = { name: 'all off (baseline)', telemetry: false, rounds: [] };
    const on: Configuration = { name: 'telemetry + MCAP recording (motors, pose, 100 Hz) + server with 1 SSE client', telemetry: true, rounds: [] };
    const again: Configuration = { name: 'all off again (A/A control)', telemetry: false, rounds: [] };
    const all = [off, on, again];
    progress('warm-up: a round of each, not counted');
    for (const configuration of all) await measureRound({ ...plan, ticks: 2500, telemetry: configuration.telemetry });
    for (let round = 0; round < ROUNDS; round++) {
      progress(`round ${round + 1} of ${ROUNDS}: ${TICKS_PER_ROUND} ticks of each configuration`);
      // Rotate the order, so that no configuration always follows the same one (and its garbage).
      for (let k = 0; k < all.length; k++) {
        const configuration = all[(round + k) % all.length] as Configuration;
        configuration.rounds.push(await measureRound({ ...plan, ticks: TICKS_PER_ROUND, telemetry: configuration.telemetry }, configuration.rounds.at(-1)?.usage));
      }
    }
    const [a, b, c] = all.map(pooledFigures) as [ReturnType<typeof pooledFigures>, ReturnType<typeof pooledFigures>, ReturnType<typeof pooledFigures>];
    const header = ['configuration', 'lateness p50 µs', 'p99', 'p99.9', 'max', 'compute p50 µs', 'p99', 'p99.9', 'max', 'missed periods', 'CPU %', 'preempted'];
    const onOff = { compute: roundRatios(on, off, 'compute'), lateness: roundRatios(on, off, 'lateness') };
    const aa = { compute: roundRatios(again, off, 'compute'), lateness: roundRatios(again, off, 'lateness') };
    const verdict = (ratio: number) => `${fmt(ratio, 2)} (${ratio <= GOAL_RATIO ? 'met' : 'NOT met'})`;
    const spread = (r: { median: number; min: number; max: number }) => `median ${fmt(r.median, 2)} (${fmt(r.min, 2)}..${fmt(r.max, 2)})`;
    const { stack } = b;
    return [
      `${ROUNDS} rounds of ${TICKS_PER_ROUND} ticks at ${RATE_HZ} Hz per configuration, interleaved (order rotated each round), on ` +
        `\`PreciseScheduler\` \`'precise'\`, after a warm-up round of each. The controller is the one \`npm start\` runs: the ` +
        `reference robot (${robot.motors.length} motors) simulated behind the in-memory bus, on SquareMission; one version change a third into each round, which telemetry ` +
        `reports (marked, as the hot-swap code will) with its 1001-tick window. "On" runs \`TickTelemetry\` (statistics every second), ` +
        `an \`McapRecorder\` (samples taken in the boundary), and \`startTelemetryServer\` with one client of \`/events\` in a child ` +
        `process; all their work runs in the slack right after ticks (\`SlackRunner\`, slices of at most 0.5 ms). Compute: read + ` +
        `update + write + boundary of a tick. Lateness: actual minus scheduled start. Load average when the suite started: ` +
        `${fmt(load, 2)} on ${cpus().length} cores.`,
      '',
      table(header, [a.row, b.row, c.row, ratioRow('ratio on / off', b, a), ratioRow('ratio off again / off (noise)', c, a)]),
      '',
      `Goal: p99 on/off ≤ ${GOAL_RATIO}. Pooled over all rounds: compute time ${verdict(b.compute.p99 / a.compute.p99)}, ` +
        `lateness ${verdict(b.lateness.p99 / a.lateness.p99)}. Round by round (each round's p99 ratio): compute ` +
        `${spread(onOff.compute)}, lateness ${spread(onOff.lateness)}; the A/A control gives compute ${spread(aa.compute)}, ` +
        `lateness ${spread(aa.lateness)}.`,
      '',
      `What "on" did over its ${(ROUNDS * TICKS_PER_ROUND) / RATE_HZ} s: ${stack.statistics} statistics messages and ` +
        `${stack.windows} update windows published; ${stack.recordedMessages} messages (${fmt(stack.recordedBytes / 1024, 0)} KiB) ` +
        `recorded; ${stack.streamEvents} events received by the stream's client; ${stack.dropped} dropped anywhere.`,
    ].join('\n');
  },
};
