// Public API of @tickswap/dashboard: every export is named here.
export { DASHBOARD_DIR } from './dashboard-dir';
