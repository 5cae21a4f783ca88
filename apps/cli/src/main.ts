// The `tickswap` command (`npm run tickswap -- <command>`).
import { CliUsageError, dispatch, type Command } from './commands';
import { devCommand } from './dev-command';
import { keysCommand } from './keys-command';
import { monitorCommand } from './monitor-command';
import { patchCommand } from './patch-command';
import { runCommand } from './run-command';
import { statusCommand } from './status-command';

const COMMANDS: Readonly<Record<string, Command>> = { run: runCommand, patch: patchCommand, keys: keysCommand, status: statusCommand, monitor: monitorCommand, dev: devCommand };

dispatch(COMMANDS, process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof CliUsageError ? 2 : 1);
  },
);
