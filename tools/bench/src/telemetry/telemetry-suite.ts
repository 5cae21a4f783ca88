import { PreciseScheduler } from '@tickswap/control-loop';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { cpus, loadavg } from 'node:os';
import { fmt, table } from '../statistics';
import type { BenchSuite } from '../suite';
import { measureRound } from './measure-round';
import { pooledFigures, ratioRow, roundRatios, type Configuration } from './telemetry-figures';

const RATE_HZ = 1000;
const TICKS_PER_ROUND = 3000;
/** Two full rotations of the five configurations: each runs in every position of a round twice. */
const ROUNDS = 10;
const GOAL_RATIO = 1.05;

/**
 * `npm run bench -- telemetry`: what running telemetry costs the loop. Five
 * configurations in interleaved rounds of the same run: the loop alone; with
 * statistics and windows; with a recording too; with all of it (the server
 * and one stream client too); and the loop alone again (an A/A control: how
 * much two identical configurations differ here, the noise any ratio must be
 * read against).
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
    const off: Configuration = { name: 'all off (baseline)', telemetry: undefined, rounds: [] };
    const statistics: Configuration = { name: 'statistics and update windows', telemetry: 'statistics', rounds: [] };
    const recording: Configuration = { name: '+ MCAP recording (motors, pose, 100 Hz)', telemetry: 'recording', rounds: [] };
    const on: Configuration = { name: '+ server with 1 SSE client: all on', telemetry: 'all', rounds: [] };
    const again: Configuration = { name: 'all off again (A/A control)', telemetry: undefined, rounds: [] };
    const all = [off, statistics, recording, on, again];
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
    const pooled = new Map(all.map((configuration) => [configuration, pooledFigures(configuration)]));
    const figures = (configuration: Configuration) => pooled.get(configuration) as ReturnType<typeof pooledFigures>;
    const [a, b, c] = [figures(off), figures(on), figures(again)];
    const header = ['configuration', 'lateness p50 µs', 'p99', 'p99.9', 'max', 'compute p50 µs', 'p99', 'p99.9', 'max', 'missed periods', 'CPU %', 'preempted'];
    const verdict = (ratio: number) => `${fmt(ratio, 2)} (${ratio <= GOAL_RATIO ? 'met' : 'NOT met'})`;
    // Two identical configurations differ by the A/A ratio here: a smaller on/off difference is not resolved.
    const resolved = (measure: 'compute' | 'lateness') => {
      const [onOff, noise] = [b[measure].p99 / a[measure].p99, c[measure].p99 / a[measure].p99];
      const band = Math.max(noise, 1 / noise);
      const reading = onOff > band ? 'a cost beyond the noise' : onOff < 1 / band ? 'below off by more than the noise: no cost seen' : 'within the noise';
      return `${measure} p99 all on / off ${fmt(onOff, 2)} against A/A ${fmt(noise, 2)}: ${reading}`;
    };
    const spread = (r: { median: number; min: number; max: number }) => `${fmt(r.median, 2)} (${fmt(r.min, 2)}..${fmt(r.max, 2)})`;
    const byRound = (measure: 'compute' | 'lateness') =>
      [statistics, recording, on, again].map((configuration) => `${configuration.telemetry ?? 'off again'} ${spread(roundRatios(configuration, off, measure))}`).join(', ');
    const { stack } = b;
    return [
      `${ROUNDS} rounds of ${TICKS_PER_ROUND} ticks at ${RATE_HZ} Hz per configuration, interleaved (order rotated each round), on ` +
        `\`PreciseScheduler\` \`'precise'\`, after a warm-up round of each. The controller is the one \`npm start\` runs: the ` +
        `reference robot (${robot.motors.length} motors) simulated behind the in-memory bus, on SquareMission; one version change a third into each round, which telemetry ` +
        `reports (marked, as the controller marks each commit of its hot swap) with its 1001-tick window. Telemetry is added part by part: \`TickTelemetry\` ` +
        `(statistics every second, windows), an \`McapRecorder\` (samples taken after each tick, in a \`ticks$\` subscriber), \`startTelemetryServer\` with one ` +
        `client of \`/events\` in a child process; all their work runs in the slack right after ticks (\`SlackRunner\`, slices of ` +
        `at most 0.5 ms). Compute: read + ` +
        `update + write + boundary of a tick. Lateness: actual minus scheduled start. Every round starts a second after its ` +
        `configuration is set up (the client process has started) and after a full garbage collection. Load average when ` +
        `the suite started: ` +
        `${fmt(load, 2)} on ${cpus().length} cores.`,
      '',
      table(header, [
        ...all.map((configuration) => figures(configuration).row),
        ...[statistics, recording, on].map((configuration) => ratioRow(`ratio ${configuration.telemetry} / off`, figures(configuration), a)),
        ratioRow('ratio off again / off (noise)', c, a),
      ]),
      '',
      `Goal: p99 all on / off ≤ ${GOAL_RATIO}. Pooled over all rounds: compute time ${verdict(b.compute.p99 / a.compute.p99)}, ` +
        `lateness ${verdict(b.lateness.p99 / a.lateness.p99)}. On this run: ${resolved('compute')}; ${resolved('lateness')}.`,
      '',
      `Round by round (round k of a configuration against round k of off), the median and range of the p99 ratios: compute: ` +
        `${byRound('compute')}; lateness: ${byRound('lateness')}.`,
      '',
      `What "on" did over its ${(ROUNDS * TICKS_PER_ROUND) / RATE_HZ} s: ${stack.statistics} statistics messages and ` +
        `${stack.windows} update windows published; ${stack.recordedMessages} messages (${fmt(stack.recordedBytes / 1024, 0)} KiB) ` +
        `recorded; ${stack.streamEvents} events received by the stream's client; ${stack.dropped} dropped anywhere.`,
    ].join('\n');
  },
};
