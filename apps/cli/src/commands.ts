/** One subcommand of `tickswap`: its one-line summary and what it does. */
export interface Command {
  readonly summary: string;
  /** Runs the subcommand with its own arguments; resolves to the exit status. */
  run(args: readonly string[]): Promise<number>;
}

/** A command line `tickswap` cannot run; the message says what to type instead. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * The top-level help: every subcommand with its summary.
 *
 * @example
 * console.log(usage({ run: runCommand }));
 */
export function usage(commands: Readonly<Record<string, Command>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['usage: tickswap <command> [options]   (tickswap <command> --help for its options)', '', ...lines].join('\n');
}

/**
 * Picks the subcommand named by the first argument and runs it.
 * Throws {@link CliUsageError} for a missing or unknown subcommand.
 *
 * @example
 * const status = await dispatch(COMMANDS, ['run', '--duration', '5']);
 */
export async function dispatch(commands: Readonly<Record<string, Command>>, argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    throw new CliUsageError(`tickswap: unknown command '${name}'; known: ${Object.keys(commands).join(', ')}`);
  }
  return command.run(rest);
}
