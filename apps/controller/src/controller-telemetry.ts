import { setTimeout as sleep } from 'node:timers/promises';
import { McapRecorder, startTelemetryServer, TelemetryConfigError, TickTelemetry, type PlanarPose, type TelemetryServer } from '@tickswap/telemetry';
import type { Controller } from './controller';
import { DASHBOARD_DIR } from './dashboard-dir';
import type { TelemetryArgs } from './telemetry-args';
import { markUpdates } from './update-marks';

/** What {@link startControllerTelemetry} needs beside the controller and its telemetry options. */
export interface ControllerTelemetryOptions extends TelemetryArgs {
  /** The robot's pose as it moves (the simulator's ground truth, else odometry): read in place, sampled for the recording. */
  readonly pose: PlanarPose;
  /** Prints a line (stdout). */
  readonly print: (line: string) => void;
  /** What an update changes and how it was judged, by update id (the gate's `notes`), shown beside the update. */
  readonly notesOf?: (id: string) => readonly string[] | undefined;
}

/** A controller's telemetry, running. */
export interface ControllerTelemetry {
  readonly telemetry: TickTelemetry;
  /** The dashboard's base URL (also `/metrics`, `/events`); `undefined` without a dashboard. */
  readonly url: string | undefined;
  readonly recorder: McapRecorder | undefined;
  /** Once the loop has stopped: publishes the last figures, closes the recording (with its index) and the server. */
  close(): Promise<void>;
}

/** How long the last read after the loop stopped may take to come, ms: it is scheduled right after the last tick. */
const LAST_READ_MS = 2000;

async function serve(telemetry: TickTelemetry, port: number, print: (line: string) => void): Promise<TelemetryServer | undefined> {
  try {
    return await startTelemetryServer({ source: telemetry, port, staticDir: DASHBOARD_DIR });
  } catch (error) {
    if (!(error instanceof TelemetryConfigError)) throw error;
    // The robot drives without its dashboard rather than not at all (another controller may hold the port).
    print(`dashboard: ${error.message}; the robot drives without a dashboard: run with --dashboard-port <n> (0: any free port)`);
    return undefined;
  }
}

/**
 * Attaches telemetry to a controller's loop before it starts: statistics
 * every second, every commit and rollback of its hot swap marked with its
 * measured pause and reported with its per-tick window; the dashboard and
 * `/metrics` on `dashboardPort` (a port that is taken is reported, not
 * fatal); with `recordPath`, an MCAP recording of ticks, motors (readings
 * and commands), poses and updates. All of it runs off the loop: per tick
 * the loop only copies a due sample into a preallocated ring. Rejects with
 * a RecordingError when the recording cannot be created.
 *
 * @example
 * const telemetry = await startControllerTelemetry(controller, { dashboardPort: 8080, recordPath: 'run.mcap', pose, print: console.log });
 * await controller.start();
 * await controller.stopped;
 * await telemetry.close();
 */
export async function startControllerTelemetry(controller: Controller, options: ControllerTelemetryOptions): Promise<ControllerTelemetry> {
  const { loop } = controller;
  const telemetry = new TickTelemetry({ loop, scheduler: loop.scheduler });
  const stopMarks = markUpdates(controller.hotSwap.log, telemetry, (error) => options.print(`telemetry: ${error.message}`), options.notesOf);
  const recorder = options.recordPath === undefined ? undefined : await McapRecorder.open(options.recordPath, { slack: telemetry.slack, motorCount: controller.bus.motorCount });
  if (recorder !== undefined) {
    telemetry.addSink(recorder);
    const { pose } = options;
    // After the tick's record is closed, so sampling never lengthens a boundary (an update's downtime).
    loop.ticks$.subscribe((record) => {
      recorder.motors?.sample(record, controller.readings, controller.commands);
      recorder.poses.sample(record, pose);
    });
    options.print(`recording to ${options.recordPath} (MCAP: open it in Foxglove)`);
  }
  const server = options.dashboardPort === undefined ? undefined : await serve(telemetry, options.dashboardPort, options.print);
  if (server !== undefined) options.print(`dashboard: ${server.url}/  (Prometheus: ${server.url}/metrics)`);
  telemetry.start();
  return {
    telemetry,
    url: server?.url,
    recorder,
    async close() {
      for (const until = Date.now() + LAST_READ_MS; !telemetry.done && loop.state === 'stopped' && Date.now() < until; ) await sleep(5);
      telemetry.stop();
      stopMarks();
      await telemetry.drained();
      await recorder?.close();
      await server?.close();
    },
  };
}
