// Public API of @tickswap/cli: every export is named here.
export type { Command } from './commands';
export { CliUsageError, dispatch, usage } from './commands';
export { runCommand } from './run-command';
