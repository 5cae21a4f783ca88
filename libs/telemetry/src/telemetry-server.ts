import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStream } from './event-stream';
import { metricFamily, sampleLine } from './prometheus-text';
import { notFound, serveStatic } from './static-files';
import { TelemetryConfigError } from './telemetry-config-error';
import type { TelemetrySource } from './telemetry-source';

/** What a telemetry server serves and where. */
export interface TelemetryServerOptions {
  readonly source: TelemetrySource;
  /** TCP port (default 0: any free port; see {@link TelemetryServer.port}). */
  readonly port?: number;
  /** Address to listen on (default `127.0.0.1`; `0.0.0.0` to be reached from other machines). */
  readonly host?: string;
  /** Directory of the dashboard's static files (e.g. `apps/dashboard/public`), served at `/`; none served when absent. */
  readonly staticDir?: string;
}

/** A running telemetry server. */
export interface TelemetryServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly port: number;
  /** Clients of the live stream now. */
  readonly streamClients: number;
  /** Stops listening and ends every stream. */
  close(): Promise<void>;
}

const EXPOSITION = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Serves telemetry over HTTP: `GET /metrics` (Prometheus text format
 * 0.0.4), `GET /events` (the live stream of statistics, updates and
 * windows as Server-Sent Events, history first), and the dashboard's files.
 * Everything it does runs between ticks, in Node's event loop.
 *
 * @example
 * const server = await startTelemetryServer({ source: telemetry, port: 8080, staticDir: 'apps/dashboard/public' });
 * console.log(`dashboard: ${server.url}/`);
 * process.once('SIGINT', () => void server.close());
 */
export async function startTelemetryServer(options: TelemetryServerOptions): Promise<TelemetryServer> {
  const { source, port = 0, host = '127.0.0.1', staticDir } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TelemetryConfigError(`startTelemetryServer failed: port must be an integer 0..65535 (0: any free port), got ${port}`);
  }
  const stream = new EventStream(source);
  const metrics = (): string =>
    source.metrics() +
    metricFamily('tickswap_telemetry_stream_dropped_events_total', 'counter', 'Live-stream events not sent to a client whose connection was congested.', [
      sampleLine('tickswap_telemetry_stream_dropped_events_total', {}, stream.dropped),
    ]) +
    '\n';
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('only GET and HEAD\n');
    } else if (path === '/metrics') {
      response.writeHead(200, { 'content-type': EXPOSITION, 'cache-control': 'no-cache' });
      response.end(metrics());
    } else if (path === '/events') stream.attach(request, response);
    else if (staticDir !== undefined) void serveStatic(staticDir, path, response);
    else notFound(response);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new TelemetryConfigError(`startTelemetryServer failed: cannot listen on ${host}:${port} (${error.code ?? error.message}); pass another port, or 0 for any free one`)),
    );
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    get streamClients() {
      return stream.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        stream.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
