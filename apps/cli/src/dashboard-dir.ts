import { join } from 'node:path';

/**
 * The dashboard's page and scripts (`apps/dashboard/public`), found by path:
 * an app does not import another app, and the page needs no build.
 *
 * @example
 * await startTelemetryServer({ source: remote, staticDir: DASHBOARD_DIR });
 */
export const DASHBOARD_DIR = join(__dirname, '..', '..', 'dashboard', 'public');
