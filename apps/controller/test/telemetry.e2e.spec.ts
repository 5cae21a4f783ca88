// End to end: the controller process serves its dashboard, /metrics and the live stream, and records a run to
// MCAP; read back with the same parsers a Prometheus server and Foxglove would use.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tickswap/mqtt-link/testing';
import { schemaErrors, TELEMETRY_SCHEMAS, type TelemetryMessage, type TickStatisticsMessage, type TickWindowMessage, type UpdateMessage } from '@tickswap/telemetry';
import { connectSse, fetchText, parseExposition, readIndexed, type ReadMessage } from '@tickswap/telemetry/testing';
import { startController } from './controller-process';

// Real-time runs on a shared machine can lose deadlines to other processes (the watch may then roll an update back);
// a genuine fault fails every attempt, preemption does not (each failed attempt is logged).
jest.retryTimes(2, { logErrorsBeforeRetry: true });

jest.setTimeout(90_000);

const STARTED = 30_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tickswap-telemetry-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A controller on the simulated robot at 250 Hz, with its own journal and embedded broker port. */
async function controllerWith(name: string, args: readonly string[]) {
  const broker = ['--broker-port', String(await freePort())];
  return startController([...broker, '--journal', join(dir, `${name}.log`), '--rate', '250', '--timing', 'efficient', ...args]);
}

const expectOfSchema = (message: TelemetryMessage): void => expect(schemaErrors(TELEMETRY_SCHEMAS[message.type], message)).toEqual([]);
const ofTopic = <T>(messages: readonly ReadMessage[], topic: string): T[] => messages.filter((m) => m.topic === topic).map((m) => m.value as T);

describe('the controller serves its dashboard, /metrics and the live stream', () => {
  it('prints the URL; /metrics parses as Prometheus text with µs-scale tick histograms; the stream sends schema-valid statistics; SIGTERM closes the recording', async () => {
    const recording = join(dir, 'sigterm.mcap');
    const controller = await controllerWith('served', ['--dashboard-port', '0', '--record', recording]);
    await controller.printed(/dashboard: http:\/\/127\.0\.0\.1:\d+\//, STARTED);
    const url = (/dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(controller.output.stdout) as RegExpExecArray)[1] as string;

    const stream = await connectSse(`${url}/events`);
    await stream.waitFor(2);
    stream.close();
    const statistics = stream.events.filter((e) => e.event === 'tick-statistics').map((e) => JSON.parse(e.data) as TickStatisticsMessage);
    expect(statistics.length).toBeGreaterThan(0);
    statistics.forEach(expectOfSchema);

    const metrics = await fetchText(`${url}/metrics`);
    expect(metrics).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/plain; version=0\.0\.4/) });
    const families = parseExposition(metrics.body);
    for (const name of ['tickswap_tick_lateness_seconds', 'tickswap_tick_duration_seconds', 'tickswap_update_pause_seconds']) expect(families.get(name)?.type).toBe('histogram');
    const buckets = (families.get('tickswap_tick_lateness_seconds')?.samples ?? []).filter((s) => s.name.endsWith('_bucket')).map((s) => Number(s.labels['le']));
    expect(buckets.slice(0, 3)).toEqual([0.000001, 0.0000025, 0.000005]);
    expect(families.get('tickswap_ticks_total')?.samples[0]?.value).toBeGreaterThan(0);
    expect(families.get('tickswap_updates_total')?.samples.map((s) => s.labels['kind'])).toEqual(['commit', 'rollback', 'version-change']);
    expect(families.get('tickswap_missed_ticks_total')?.type).toBe('counter');
    expect(await fetchText(`${url}/`)).toMatchObject({ status: 200, body: expect.stringMatching(/<html/i) });

    controller.child.kill('SIGTERM');
    const exit = await controller.exited;
    expect(exit.code).toBe(0);
    const { messages } = await readIndexed(recording);
    expect(ofTopic(messages, '/tickswap/ticks/statistics').length).toBeGreaterThan(0);
  });

  it('drives on without a dashboard when its port is taken, and says so', async () => {
    const taken: Server = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const port = (taken.address() as { port: number }).port;
    try {
      const controller = await controllerWith('taken', ['--dashboard-port', String(port)]);
      await controller.printed(/dashboard: startTelemetryServer failed: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)[^\n]*drives without a dashboard/, STARTED);
      await controller.printed(/\| version 0 \|/, STARTED);
      controller.child.kill('SIGINT');
      expect((await controller.exited).code).toBe(0);
    } finally {
      taken.close();
    }
  });

  it('serves nothing with --no-dashboard', async () => {
    const controller = await controllerWith('none', ['--no-dashboard', '--duration', '1']);
    const exit = await controller.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).not.toMatch(/dashboard/);
  });
});

describe('--record', () => {
  it('records a run with an update to an MCAP file the MCAP reader reads back: every channel, consistent counts', async () => {
    const recording = join(dir, 'run.mcap');
    const controller = await controllerWith('recorded', ['--no-dashboard', '--record', recording, '--duration', '8', '--patch', 'pid-integral-limit', '--apply-after', '1']);
    const exit = await controller.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/update pid-integral-limit: committed version 0 -> 1/);

    const { messages, schemas } = await readIndexed(recording);
    expect([...schemas.entries()].sort()).toEqual([
      ['/tickswap/motors', { name: 'tickswap.MotorSample', encoding: 'jsonschema' }],
      ['/tickswap/pose', { name: 'foxglove.PoseInFrame', encoding: 'jsonschema' }],
      ['/tickswap/ticks/statistics', { name: 'tickswap.TickStatistics', encoding: 'jsonschema' }],
      ['/tickswap/ticks/update', { name: 'tickswap.Update', encoding: 'jsonschema' }],
      ['/tickswap/ticks/window', { name: 'tickswap.TickWindow', encoding: 'jsonschema' }],
    ]);
    const statistics = ofTopic<TickStatisticsMessage>(messages, '/tickswap/ticks/statistics');
    const updates = ofTopic<UpdateMessage>(messages, '/tickswap/ticks/update');
    const windows = ofTopic<TickWindowMessage>(messages, '/tickswap/ticks/window');
    [...statistics, ...updates, ...windows].forEach(expectOfSchema);
    // Every tick of the run is in exactly one statistics interval, the last one written at the stop.
    expect(statistics.reduce((sum, s) => sum + s.ticks, 0)).toBe(statistics.at(-1)?.totals.ticks);
    const commit = updates.find((u) => u.kind === 'commit') as UpdateMessage;
    expect(commit).toMatchObject({ from: '0', to: '1', id: 'pid-integral-limit' });
    expect(windows.map((w) => w.update.tick)).toEqual(updates.map((u) => u.tick));
    const window = windows.find((w) => w.update.tick === commit.tick) as TickWindowMessage;
    expect(window.commitUs[commit.tick - window.firstTick]).toBeCloseTo(commit.pauseMs * 1000, 3);
    // Motors and pose are sampled on the same ticks.
    const motors = ofTopic<{ tick: number }>(messages, '/tickswap/motors');
    expect(motors.length).toBeGreaterThan(0);
    expect(ofTopic(messages, '/tickswap/pose')).toHaveLength(motors.length);
  });

  it('refuses to start when the recording cannot be created, and says why', async () => {
    const controller = await controllerWith('unrecordable', ['--no-dashboard', '--record', join(dir, 'no-such-folder', 'run.mcap')]);
    const exit = await controller.exited;
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/^McapRecorder.open failed: cannot create \S*no-such-folder\/run\.mcap \(ENOENT\); check that its directory exists/m);
  });
});
