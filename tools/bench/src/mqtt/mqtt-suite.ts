import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishPatch, type CommittedBody, type FinalResult } from '@tickswap/mqtt-link';
import { FleetMosquitto } from '@tickswap/mqtt-link/testing';
import { generateKeyPair, readPrivateKey } from '@tickswap/patch-format';
import type { BenchSuite } from '../suite';
import { fmt, median, table } from '../statistics';
import { ControllerProcess } from '../controller-process';
import { pidReplacement } from './bench-patches';
import { echoRoundTrips } from './echo-round-trip';

const PATCHES = 50;
const WARM_UP = 3;
const GOAL_MS = 20;
const ROBOT = 'bench-1';
const ECHO = 'bench-echo';

/** One patch's publish -> outcome, split: what the robot reported of its own time, the rest is transport. */
interface PatchTiming {
  readonly totalMs: number;
  readonly transportMs: number;
  readonly queuedMs: number;
  readonly verifyMs: number;
  readonly gateMs: number;
  /** From the commit request to the end of the swap, the swap's boundary apart. */
  readonly waitMs: number;
  readonly boundaryMs: number;
  readonly watchMs: number;
  /** Publish -> committed without the gate: what the goal is about. */
  readonly withoutGateMs: number;
}

function timingOf(totalMs: number, final: FinalResult & CommittedBody): PatchTiming {
  const { timings, downtime } = final;
  const robotMs = timings.queuedMs + timings.verifyMs + timings.gateMs + timings.commitMs + timings.watchMs;
  const transportMs = totalMs - robotMs;
  return {
    totalMs,
    transportMs,
    queuedMs: timings.queuedMs,
    verifyMs: timings.verifyMs,
    gateMs: timings.gateMs,
    waitMs: timings.commitMs - downtime.boundaryMs,
    boundaryMs: downtime.boundaryMs,
    watchMs: timings.watchMs,
    withoutGateMs: transportMs + timings.queuedMs + timings.verifyMs + timings.commitMs,
  };
}

/** What publishing the patches gave: the committed ones' timings, and the outcomes that were not commits. */
interface Published {
  readonly timings: PatchTiming[];
  /** Size of the last bundle sent, bytes of JSON. */
  bytes: number;
  /** Patches the watch rolled back (the next one is built for the version that runs again). */
  readonly rolledBack: string[];
}

/**
 * Publishes patches 0 -> 1, 1 -> 2, ... one after the other, each once the
 * previous one's outcome is in, until `WARM_UP + PATCHES` are committed. A
 * rolled-back patch is counted and followed by one for the version that runs;
 * any other outcome ends the benchmark.
 */
async function publishAll(fleet: FleetMosquitto, key: Parameters<typeof pidReplacement>[1], progress: (line: string) => void): Promise<Published> {
  const published: Published = { timings: [], bytes: 0, rolledBack: [] };
  for (let version = 0; version < WARM_UP + PATCHES; ) {
    const bundle = pidReplacement(version, key, published.rolledBack.length);
    let start = 0;
    const final = await publishPatch(bundle, { broker: fleet.as('operator'), robot: ROBOT, timeoutMs: 60_000, onPublish: () => (start = performance.now()) });
    const totalMs = performance.now() - start;
    if (final.stage === 'rolled-back' && published.rolledBack.length < PATCHES) {
      published.rolledBack.push(`${bundle.id}: ${final.message}`);
      continue;
    }
    if (final.stage !== 'committed') throw new Error(`mqtt bench: patch ${bundle.id} ended '${final.stage}' (${'message' in final ? final.message : ''}); the benchmark needs the patches committed`);
    published.bytes = JSON.stringify(bundle).length;
    const timing = timingOf(totalMs, final);
    if (version >= WARM_UP) published.timings.push(timing);
    version += 1;
    if (version % 10 === 0) progress(`${version}/${WARM_UP + PATCHES} patches committed (last: ${fmt(timing.withoutGateMs)} ms without the gate)`);
  }
  return published;
}

const row = (name: string, values: number[], baseline?: number): string[] => {
  const p50 = median(values);
  return [name, fmt(p50, 2), fmt(Math.max(...values), 2), baseline === undefined ? '' : `${fmt(p50 / baseline, 2)}×`];
};

/**
 * `npm run bench -- mqtt`: publish -> committed latency of signed patches
 * sent to the controller process over a real Mosquitto on loopback (fleet
 * configuration: passwords and ACL), split into transport, verification,
 * gate, wait for the boundary, commit, and the watch after it; against the
 * round trip of a message of the same size through the same broker.
 *
 * @example
 * const body = await mqttSuite.run(console.log);
 */
export const mqttSuite: BenchSuite = {
  name: 'mqtt',
  title: 'Patches over MQTT: publish -> committed, stage by stage',
  async run(progress) {
    const loadBefore = loadavg()[0] as number;
    const dir = mkdtempSync(join(tmpdir(), 'tickswap-bench-mqtt-'));
    progress('starting Mosquitto (fleet configuration) and the controller on the simulated robot');
    const fleet = await FleetMosquitto.start({ robots: [ROBOT, ECHO] });
    const key = await readPrivateKey((await generateKeyPair(dir, 'bench')).privateKeyPath);
    const passwordFile = join(dir, `${ROBOT}.password`);
    writeFileSync(passwordFile, `${fleet.password(ROBOT)}\n`, { mode: 0o600 });
    const args = ['--broker', fleet.url, '--broker-user', ROBOT, '--broker-password-file', passwordFile, '--robot-id', ROBOT, '--trust', dir, '--journal', join(dir, 'journal.log')];
    const robot = new ControllerProcess([...args, '--timing', 'balanced', '--no-dashboard']);
    try {
      await robot.next(/mqtt: connected/, 0, 120_000);
      progress(`${WARM_UP} warm-up patches, then ${PATCHES} measured`);
      const { timings, bytes, rolledBack } = await publishAll(fleet, key, progress);
      progress(`baseline: ${PATCHES} round trips of ${bytes} bytes through the broker`);
      const echo = await echoRoundTrips(fleet.as('operator'), fleet.as(ECHO), ECHO, bytes, PATCHES);
      const baseline = median(echo);
      const of = (pick: (t: PatchTiming) => number) => timings.map(pick);
      const withoutGate = median(of((t) => t.withoutGateMs));
      return [
        `${PATCHES} signed patches (after ${WARM_UP} for warm-up), each replacing \`Pid\` and migrating the mission's PID instances ` +
          `(${bytes} bytes of bundle), published one after the other by an operator client to the controller process ` +
          '(`npm start` on the simulated robot, 1 kHz, balanced timing, simulator gate with its 10 s horizon, watch of 1000 ticks) ' +
          'through Mosquitto on loopback with the fleet configuration (passwords, ACL), MQTT 5, QoS 1. ' +
          `Load average ${fmt(loadBefore, 2)} when the suite started and ${fmt(loadavg()[0] as number, 2)} when it ended, on ${cpus().length} cores shared with other work.`,
        '',
        "Split: the robot reports, in its final result, the time it spent in each stage on its own monotonic clock (`timings`); " +
          'transport is what remains of publish -> outcome at the operator (the bundle to the robot, the results back, reading the ' +
          'payload). Wait for the boundary: from the commit request to the swap, preparation in the slack between ticks included; ' +
          'commit: the boundary that swapped (the downtime). Baseline: the round trip of a message of the same size through the ' +
          'same broker, answered at once by a client on a robot topic, in the same run.',
        '',
        table(
          ['stage', 'p50 ms', 'max ms', 'p50 vs round trip'],
          [
            row('transport (both ways)', of((t) => t.transportMs), baseline),
            row('baseline: round trip of the same size', echo, baseline),
            row('read and queued on the robot', of((t) => t.queuedMs)),
            row('verification (digest, signature, version, load)', of((t) => t.verifyMs)),
            row('simulator gate', of((t) => t.gateMs)),
            row('wait for the boundary (preparation included)', of((t) => t.waitMs)),
            row('commit (boundary that swapped)', of((t) => t.boundaryMs)),
            row('publish -> committed, gate excluded', of((t) => t.withoutGateMs), baseline),
            row('watch after the commit (1000 ticks)', of((t) => t.watchMs)),
            row('publish -> final result', of((t) => t.totalMs)),
          ],
        ),
        '',
        `Rolled back by the watch after their commit (and sent again as a new patch): ${rolledBack.length}` +
          `${rolledBack.length === 0 ? '.' : `: ${rolledBack.map((line) => `\n  - ${line}`).join('')}`}`,
        '',
        `- Goal everything but the gate ≤ ${GOAL_MS} ms p50: ${withoutGate <= GOAL_MS ? 'met' : 'NOT met'} (${fmt(withoutGate, 2)} ms).`,
      ].join('\n');
    } finally {
      await robot.stop();
      await fleet.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
