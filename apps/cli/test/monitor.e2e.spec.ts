// `tickswap monitor` against the real controller process over its embedded broker (aedes): the terminal view
// and the dashboard it serves from the same MQTT messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tickswap/mqtt-link/testing';
import { schemaErrors, TELEMETRY_SCHEMAS, type TelemetryMessage } from '@tickswap/telemetry';
import { connectSse, fetchText } from '@tickswap/telemetry/testing';
import { spawnScript, type SpawnedProcess } from './spawned-process';

// Real-time runs on a shared machine can lose deadlines to other processes (the watch may then roll an update back);
// a genuine fault fails every attempt, preemption does not (each failed attempt is logged).
jest.retryTimes(2, { logErrorsBeforeRetry: true });

jest.setTimeout(120_000);

const WAIT = 60_000;
let dir: string;
const running: SpawnedProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tickswap-monitor-e2e-'));
});
afterAll(async () => {
  for (const process of running) process.child.kill('SIGINT');
  await Promise.all(running.map((process) => process.exited));
  rmSync(dir, { recursive: true, force: true });
});

describe('tickswap monitor', () => {
  it("shows the robot's version, its ticks and an update committed while it watches; --web serves the dashboard from the same messages", async () => {
    const port = await freePort();
    // The patch comes late enough for the monitor (a process started afterwards, on a loaded machine) to be watching.
    const controllerArgs = ['--broker-port', String(port), '--no-dashboard', '--journal', join(dir, 'journal.log'), '--rate', '250', '--timing', 'efficient'];
    const controller = spawnScript('apps/controller/src/main.ts', [...controllerArgs, '--patch', 'pid-integral-limit', '--apply-after', '20', '--duration', '100']);
    running.push(controller);
    await controller.printed(/mqtt: connected/, WAIT);
    const monitor = spawnScript('apps/cli/src/main.ts', ['monitor', 'sim-1', '--broker', `mqtt://127.0.0.1:${port}`, '--web', '--port', '0']);
    running.push(monitor);
    const [, url] = await monitor.printed(/dashboard of sim-1: (http:\/\/127\.0\.0\.1:\d+)\//, WAIT);
    await monitor.printed(/sim-1 on mqtt:\/\/127\.0\.0\.1:\d+: online, version 0, /, WAIT);
    await monitor.printed(/lateness p99, last \d+ s \(top [\d.]+ [µm]s\): [▁▂▃▄▅▆▇█ ]+\n/, WAIT);
    expect(monitor.output.stdout).toMatch(/last update: none seen/);

    await monitor.printed(/last update: commit 0 → 1 \(pid-integral-limit\) at tick \d+: pause [\d.]+ [µm]s, next tick [\d.]+ [µm]s late, \d+ missed/, WAIT);
    // The watch after the commit may roll it back (missed deadlines on a loaded machine): either is the robot's truth.
    await monitor.printed(/online, version 1, |last update: rollback 1 → 0/, WAIT);
    // Every ticks, status and result message the robot sent passed its schema.
    expect(monitor.output.stdout).not.toMatch(/unreadable messages/);

    const stream = await connectSse(`${url}/events`);
    await stream.waitFor(1);
    stream.close();
    const messages = stream.events.map((event) => JSON.parse(event.data) as TelemetryMessage);
    expect(messages.map((m) => m.type)).toContain('update');
    for (const message of messages) expect(schemaErrors(TELEMETRY_SCHEMAS[message.type], message)).toEqual([]);
    expect(await fetchText(`${url}/`)).toMatchObject({ status: 200, body: expect.stringMatching(/<html/i) });

    monitor.child.kill('SIGINT');
    expect(await monitor.exited).toBe(0);
  });

  it('refuses a robot id that cannot be a topic, and --port without --web', () => {
    return Promise.all([
      expect(spawnScript('apps/cli/src/main.ts', ['monitor', 'sim/1']).exited).resolves.toBe(2),
      expect(spawnScript('apps/cli/src/main.ts', ['monitor', 'sim-1', '--port', '8081']).exited).resolves.toBe(2),
    ]);
  });

  it('exits 1 when the broker cannot be reached', async () => {
    const port = await freePort();
    const monitor = spawnScript('apps/cli/src/main.ts', ['monitor', 'sim-1', '--broker', `mqtt://127.0.0.1:${port}`]);
    expect(await monitor.exited).toBe(1);
    expect(monitor.output.stderr).toMatch(/BrokerLink.connect failed/);
  });
});
