import type { TickLoop } from '@tickswap/control-loop';
import type { SchedulerLike } from 'rxjs';
import { McapRecorder, startTelemetryServer, TickTelemetry } from '@tickswap/telemetry';
import { rm, stat } from 'node:fs/promises';
import { listenInChild } from './sse-listener';

/** What the telemetry of one run produced and delivered. */
export interface StackFigures {
  readonly statistics: number;
  readonly windows: number;
  readonly recordedMessages: number;
  readonly recordedBytes: number;
  readonly streamEvents: number;
  /** Messages any part dropped (slow sink, congested stream, samples overwritten). */
  readonly dropped: number;
}

/** The parts of telemetry a round runs: statistics and windows always; a recording; the server with one stream client. */
export type TelemetryParts = 'statistics' | 'recording' | 'all';

/** Everything telemetry runs beside a loop, started. */
export interface TelemetryStack {
  readonly telemetry: TickTelemetry;
  readonly recorder: McapRecorder | undefined;
  /** Stops it all once the loop has stopped; removes the recording. */
  stop(): Promise<StackFigures>;
}

/**
 * Starts, for `loop`, telemetry as the controller will run it: statistics
 * every second and update windows; with `'recording'`, an MCAP recording to
 * `file`; with `'all'`, also `/metrics` and the live stream with one client
 * connected (in a child process).
 *
 * @example
 * const stack = await startTelemetryStack(loop, scheduler, 2, '/tmp/run.mcap', 'all');
 * loop.start(); await loop.stopped;
 * const figures = await stack.stop();
 */
export async function startTelemetryStack(loop: TickLoop, scheduler: SchedulerLike, motorCount: number, file: string, parts: TelemetryParts): Promise<TelemetryStack> {
  const telemetry = new TickTelemetry({ loop, scheduler });
  const recorder = parts === 'statistics' ? undefined : await McapRecorder.open(file, { slack: telemetry.slack, motorCount });
  if (recorder !== undefined) telemetry.addSink(recorder);
  const server = parts === 'all' ? await startTelemetryServer({ source: telemetry }) : undefined;
  const stopClient = server === undefined ? undefined : await listenInChild(`${server.url}/events`);
  let statistics = 0;
  let windows = 0;
  telemetry.messages$.subscribe((message) => {
    if (message.type === 'tick-statistics') statistics += 1;
    if (message.type === 'tick-window') windows += 1;
  });
  telemetry.start();
  return {
    telemetry,
    recorder,
    async stop() {
      telemetry.stop();
      const received = (await stopClient?.()) ?? { events: 0 };
      const metrics = server === undefined ? '' : await fetch(`${server.url}/metrics`).then((response) => response.text());
      await server?.close();
      await telemetry.drained();
      await recorder?.close();
      const streamDropped = Number(/^tickswap_telemetry_stream_dropped_events_total (\d+)$/m.exec(metrics)?.[1] ?? 0);
      const figures = {
        statistics,
        windows,
        recordedMessages: [...(recorder?.written.values() ?? [])].reduce((sum, count) => sum + count, 0),
        recordedBytes: recorder === undefined ? 0 : (await stat(file)).size,
        streamEvents: received.events,
        dropped: telemetry.dropped + (recorder?.dropped ?? 0) + streamDropped,
      };
      await rm(file, { force: true });
      return figures;
    },
  };
}
