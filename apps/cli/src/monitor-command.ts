import { once } from 'node:events';
import { checkRobotId, RobotIdError } from '@tickswap/mqtt-link';
import { startTelemetryServer, TelemetryConfigError, type TelemetryServer } from '@tickswap/telemetry';
import { BROKER_OPTION_NAMES, brokerChoice } from './broker-choice';
import type { CommandArgs } from './command-args';
import { subcommand } from './command-group';
import { CliUsageError } from './commands';
import { DASHBOARD_DIR } from './dashboard-dir';
import { MonitorView } from './monitor-view';
import { RemoteTelemetry } from './remote-telemetry';
import { openRobotFeed } from './robot-feed';
import { TerminalFrame } from './terminal-frame';

/** How often the view is redrawn when something changed, ms. */
const REFRESH_MS = 250;

function robotOf(args: CommandArgs): string {
  try {
    return checkRobotId(args.positionals[0] as string, 'tickswap monitor');
  } catch (error) {
    if (error instanceof RobotIdError) throw new CliUsageError(error.message);
    throw error;
  }
}

function webPort(args: CommandArgs): number | undefined {
  const text = args.option('port');
  if (!args.flag('web')) {
    if (text !== undefined) throw new CliUsageError('tickswap monitor: --port is the port of --web; add --web or drop --port');
    return undefined;
  }
  const port = text === undefined ? 0 : Number(text);
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) throw new CliUsageError(`tickswap monitor: --port must be a port number 0-65535 (0: any free port), got '${text}'`);
  return port;
}

async function serve(remote: RemoteTelemetry, port: number): Promise<TelemetryServer> {
  try {
    return await startTelemetryServer({ source: remote, port, staticDir: DASHBOARD_DIR });
  } catch (error) {
    if (error instanceof TelemetryConfigError) throw new CliUsageError(`tickswap monitor --web: ${error.message}`);
    throw error;
  }
}

/**
 * `tickswap monitor <robot> [--broker ...] [--web [--port n]]`: a live view
 * of one robot from its MQTT topics (ticks, status, results), refreshed in
 * place: a sparkline of tick-start lateness p99 over the last minute, the
 * last second's lateness and compute time, missed ticks, the version, the
 * last update with its downtime. `--web` also serves the dashboard from the
 * same messages (any free port unless `--port`). Runs until Ctrl-C; exits 1
 * when the broker cannot be reached, 2 for a usage error.
 *
 * @example
 * tickswap monitor sim-1 --broker mqtt://robot-7.local:1883 --web --port 8081
 */
export const monitorCommand = subcommand({
  name: 'monitor',
  synopsis: '<robot> [--broker <url> ...] [--web [--port <n>]]',
  summary: "watch a robot's tick timing, updates and version live (terminal view; --web: the dashboard too)",
  options: ['port', ...BROKER_OPTION_NAMES],
  flags: ['web'],
  positionals: 1,
  async run(args) {
    const robot = robotOf(args);
    const port = webPort(args);
    const broker = brokerChoice('monitor', args);
    const view = new MonitorView(robot, broker.url);
    const remote = new RemoteTelemetry();
    let changed = true;
    const feed = await openRobotFeed(broker, robot, (event) => {
      view.note(event);
      if (event.kind === 'ticks') remote.add(event.message);
      changed = true;
    });
    const server = port === undefined ? undefined : await serve(remote, port).catch(async (error: unknown) => {
      await feed.close();
      throw error;
    });
    if (server !== undefined) console.log(`dashboard of ${robot}: ${server.url}/`);
    const frame = new TerminalFrame(process.stdout);
    const redraw = setInterval(() => {
      if (!changed) return;
      changed = false;
      frame.show(view.lines(process.stdout.columns ?? 120));
    }, REFRESH_MS);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    clearInterval(redraw);
    frame.end();
    await server?.close();
    await feed.close();
    return 0;
  },
});
