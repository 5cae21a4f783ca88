import { join } from 'node:path';

/**
 * The directory of the dashboard's page and scripts, for a telemetry
 * server's `staticDir` (the page needs no build: plain HTML, CSS and
 * ES modules).
 *
 * @example
 * await startTelemetryServer({ source: telemetry, staticDir: DASHBOARD_DIR });
 */
export const DASHBOARD_DIR = join(__dirname, '..', 'public');
