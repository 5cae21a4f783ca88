// Public API of @tickswap/cli: every export is named here.
export type { Command } from './commands';
export { CliUsageError, dispatch, usage } from './commands';
export { runCommand } from './run-command';
export { keysCommand, keysNewCommand } from './keys-command';
export { patchCommand } from './patch-command';
export { patchBuildCommand } from './patch-build-command';
export { patchSignCommand } from './patch-sign-command';
export { patchInspectCommand } from './patch-inspect-command';
export { patchPublishCommand } from './patch-publish-command';
export { patchTestCommand } from './patch-test-command';
export { statusCommand } from './status-command';
export { BROKER_OPTION_NAMES, DEFAULT_BROKER_URL, brokerChoice } from './broker-choice';
export { resultLine } from './result-line';
