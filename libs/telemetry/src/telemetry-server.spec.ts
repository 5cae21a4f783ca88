import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subject } from 'rxjs';
import { parseExposition } from './testing/prometheus-parse';
import { markCommit, runTelemetry, SCRIPT } from '../test/run-telemetry';
import { connectSse, fetchText } from './testing/sse-client';
import { statisticsMessage } from './testing/statistics-message';
import { TelemetryConfigError } from './telemetry-config-error';
import type { TelemetryMessage, TickStatisticsMessage } from './telemetry-messages';
import { startTelemetryServer, type TelemetryServer } from './telemetry-server';
import type { TelemetrySource } from './telemetry-source';

/** A source the test drives: `live` publishes, `past` is the history. */
function drivenSource(past: TelemetryMessage[] = []): TelemetrySource & { live: Subject<TelemetryMessage> } {
  const live = new Subject<TelemetryMessage>();
  return { live, messages$: live.asObservable(), history: () => past, metrics: () => '# HELP x_total X.\n# TYPE x_total counter\nx_total 1\n' };
}

/** A statistics message; `padding` makes it as big as wanted (an extra field the stream passes on as it is). */
const statistics = (firstTick: number, padding = ''): TickStatisticsMessage =>
  ({ ...statisticsMessage({ firstTick, atMs: firstTick }), ...(padding.length > 0 ? { padding } : {}) }) as TickStatisticsMessage;

describe('startTelemetryServer', () => {
  const servers: TelemetryServer[] = [];
  const start = async (...args: Parameters<typeof startTelemetryServer>) => {
    const server = await startTelemetryServer(...args);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('serves /metrics in the Prometheus text format, with its own stream losses', async () => {
    const { telemetry } = await runTelemetry(SCRIPT, {}, markCommit);
    const server = await start({ source: telemetry });
    const { status, type, body } = await fetchText(`${server.url}/metrics`);
    expect([status, type]).toEqual([200, 'text/plain; version=0.0.4; charset=utf-8']);
    const families = parseExposition(body);
    expect(families.get('tickswap_ticks_total')?.samples[0]?.value).toBe(5000);
    expect(families.get('tickswap_telemetry_stream_dropped_events_total')?.samples[0]?.value).toBe(0);
  });

  it('streams the history first, then every message as it is published, to every client', async () => {
    const source = drivenSource([statistics(0)]);
    const server = await start({ source });
    const [one, two] = await Promise.all([connectSse(`${server.url}/events`), connectSse(`${server.url}/events`)]);
    await Promise.all([one.waitFor(1), two.waitFor(1)]);
    expect(server.streamClients).toBe(2);
    source.live.next(statistics(1000));
    await Promise.all([one.waitFor(2), two.waitFor(2)]);
    for (const client of [one, two]) {
      expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(client.events.map((e) => [e.event, (JSON.parse(e.data) as TickStatisticsMessage).firstTick])).toEqual([
        ['tick-statistics', 0],
        ['tick-statistics', 1000],
      ]);
      client.close();
    }
  });

  it('drops events for a client that does not read, instead of waiting for it', async () => {
    const source = drivenSource();
    const server = await start({ source });
    const client = await connectSse(`${server.url}/events`);
    client.response.pause();
    const big = 'x'.repeat(1 << 20);
    for (let k = 0; k < 64; k++) source.live.next(statistics(k * 1000, big));
    const { body } = await fetchText(`${server.url}/metrics`);
    const dropped = body.match(/^tickswap_telemetry_stream_dropped_events_total (\d+)$/m)?.[1];
    expect(Number(dropped)).toBeGreaterThan(0);
    client.close();
  });

  it("serves the dashboard's files and nothing outside their directory", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'telemetry-static-'));
    writeFileSync(join(directory, 'index.html'), '<h1>dashboard</h1>');
    writeFileSync(join(directory, 'plot.js'), 'export {};');
    writeFileSync(join(directory, 'notes.txt'), 'not served');
    const server = await start({ source: drivenSource(), staticDir: join(directory) });
    expect(await fetchText(`${server.url}/`)).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>dashboard</h1>' });
    expect((await fetchText(`${server.url}/plot.js`)).type).toBe('text/javascript; charset=utf-8');
    for (const path of ['/notes.txt', '/missing.js', '/%2e%2e%2fetc%2fpasswd', '/..%2f..%2fpackage.json', '/%E0%A4%A']) {
      expect((await fetchText(`${server.url}${path}`)).status).toBe(404);
    }
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a port already in use with a TelemetryConfigError saying what to do', async () => {
    const first = await start({ source: drivenSource() });
    const attempt = startTelemetryServer({ source: drivenSource(), port: first.port });
    await expect(attempt).rejects.toThrow(TelemetryConfigError);
    await expect(startTelemetryServer({ source: drivenSource(), port: first.port })).rejects.toThrow(
      `startTelemetryServer failed: cannot listen on 127.0.0.1:${first.port} (EADDRINUSE); pass another port, or 0 for any free one`,
    );
    await expect(startTelemetryServer({ source: drivenSource(), port: 70000 })).rejects.toThrow(/port must be an integer 0\.\.65535/);
  });
});
