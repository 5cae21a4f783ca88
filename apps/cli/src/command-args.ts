import { parseArgs } from 'node:util';
import { CliUsageError } from './commands';

/** How a subcommand is typed: its name (`patch build`) and what follows (`<dir> --out <bundle.json>`). */
export interface Synopsis {
  readonly name: string;
  readonly synopsis: string;
}

/** A subcommand's arguments, parsed. */
export interface CommandArgs {
  readonly positionals: readonly string[];
  /** The value of `--name`, if given. */
  option(name: string): string | undefined;
  /** Whether the flag `--name` (an option without a value) was given. */
  flag(name: string): boolean;
  /** The value of `--name`; a usage error if it is missing. */
  required(name: string): string;
}

/**
 * The usage line of a subcommand.
 *
 * @example
 * usageLine({ name: 'patch inspect', synopsis: '<bundle.json>' }); // 'tickswap patch inspect <bundle.json>'
 */
export function usageLine(command: Synopsis): string {
  return `tickswap ${command.name} ${command.synopsis}`;
}

function usageError(command: Synopsis, problem: string): CliUsageError {
  return new CliUsageError(`tickswap ${command.name}: ${problem}; usage: ${usageLine(command)}`);
}

/**
 * Parses a subcommand's arguments: exactly `positionals` positional
 * arguments, the named options, each taking a value, and the `flags`,
 * which take none. Returns undefined
 * for `--help` (after printing the usage line); throws {@link CliUsageError},
 * with the usage line, for anything else it cannot read.
 *
 * @example
 * const args = commandArgs({ name: 'patch sign', synopsis: '<bundle.json> --key <file>' }, argv, ['key', 'out'], 1);
 * args?.required('key');
 */
export function commandArgs(command: Synopsis, args: readonly string[], names: readonly string[], positionals: number, flags: readonly string[] = []): CommandArgs | undefined {
  const options = {
    ...Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    ...Object.fromEntries(flags.map((name) => [name, { type: 'boolean' as const }])),
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(command, (error as Error).message);
  }
  if (parsed.values.help === true) {
    console.log(`usage: ${usageLine(command)}`);
    return undefined;
  }
  if (parsed.positionals.length !== positionals) {
    throw usageError(command, `expected ${positionals} argument(s), got ${parsed.positionals.length}`);
  }
  const values = parsed.values as Readonly<Record<string, string | boolean | undefined>>;
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
  return {
    positionals: parsed.positionals,
    option: text,
    flag: (name) => values[name] === true,
    required(name) {
      const value = text(name);
      if (value === undefined || value === '') throw usageError(command, `--${name} is required`);
      return value;
    },
  };
}
