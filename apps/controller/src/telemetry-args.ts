/** The command line of telemetry: where the dashboard and `/metrics` are served, what is recorded. */
export interface TelemetryArgs {
  /** Port of the dashboard and `/metrics` (`--dashboard-port`, default 8080; 0: any free port); `undefined`: `--no-dashboard`. */
  readonly dashboardPort: number | undefined;
  /** The MCAP file the run is recorded to (`--record`); `undefined`: none. */
  readonly recordPath: string | undefined;
}

/** The options `parseArgs` must accept for {@link telemetryArgs}. */
export const TELEMETRY_OPTIONS = {
  'dashboard-port': { type: 'string' },
  'no-dashboard': { type: 'boolean' },
  record: { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const TELEMETRY_USAGE = `  --dashboard-port <n> port of the dashboard and Prometheus /metrics on this machine (default 8080; 0: any
                      free port; the URL is printed at start)
  --no-dashboard      serve neither the dashboard nor /metrics
  --record <file>     record ticks, motors, poses and updates to this MCAP file (opens in Foxglove)`;

/** The default port of the dashboard. */
export const DEFAULT_DASHBOARD_PORT = 8080;

/**
 * Reads the telemetry options from what `parseArgs` returned; `usage` builds
 * the error to throw for a bad value (the caller's usage error).
 *
 * @example
 * telemetryArgs({ 'dashboard-port': '0', record: 'run.mcap' }, (m) => new Error(m)); // { dashboardPort: 0, recordPath: 'run.mcap' }
 */
export function telemetryArgs(values: { 'dashboard-port'?: string; 'no-dashboard'?: boolean; record?: string }, usage: (message: string) => Error): TelemetryArgs {
  const port = values['dashboard-port'];
  if (port !== undefined && values['no-dashboard'] === true) throw usage('parseControllerArgs failed: --dashboard-port and --no-dashboard contradict each other; give one of them');
  const dashboardPort = port === undefined ? DEFAULT_DASHBOARD_PORT : Number(port);
  if (!(Number.isInteger(dashboardPort) && dashboardPort >= 0 && dashboardPort < 65536)) {
    throw usage(`parseControllerArgs failed: --dashboard-port must be a port number 0-65535 (0: any free port), got '${port}'`);
  }
  if (values.record === '') throw usage("parseControllerArgs failed: --record must name a file, got ''");
  return { dashboardPort: values['no-dashboard'] === true ? undefined : dashboardPort, recordPath: values.record };
}
