import { commandArgs, usageLine, type CommandArgs, type Synopsis } from './command-args';
import { CliUsageError, type Command } from './commands';

/** A subcommand of a group: a command with its synopsis. */
export interface Subcommand extends Command, Synopsis {}

/** What a subcommand takes and does once its arguments are parsed. */
export interface SubcommandSpec extends Synopsis {
  readonly summary: string;
  /** Its `--name value` options. */
  readonly options: readonly string[];
  /** Its `--name` flags, which take no value. */
  readonly flags?: readonly string[];
  /** How many positional arguments it takes. */
  readonly positionals: number;
  run(args: CommandArgs): Promise<number>;
}

/**
 * A subcommand that parses its arguments (and answers `--help`) before it runs.
 *
 * @example
 * const inspect = subcommand({ name: 'patch inspect', synopsis: '<bundle.json>', summary: '...', options: [], positionals: 1, run: async (args) => 0 });
 */
export function subcommand(spec: SubcommandSpec): Subcommand {
  const { name, synopsis, summary } = spec;
  return {
    name,
    synopsis,
    summary,
    async run(argv) {
      const args = commandArgs(spec, argv, spec.options, spec.positionals, spec.flags);
      return args === undefined ? 0 : spec.run(args);
    },
  };
}

/**
 * A command whose first argument names one of its subcommands
 * (`tickswap patch build ...`); `--help` or no argument lists them.
 *
 * @example
 * export const keysCommand = commandGroup('keys', 'create signing keys', { new: keysNewCommand });
 */
export function commandGroup(name: string, summary: string, subcommands: Readonly<Record<string, Subcommand>>): Command {
  const lines = Object.values(subcommands).map((sub) => `  ${usageLine(sub)}\n      ${sub.summary}`);
  const help = [`usage: tickswap ${name} <subcommand> [options]`, '', ...lines].join('\n');
  return {
    summary,
    async run(args) {
      const [first, ...rest] = args;
      if (first === undefined || first === '--help' || first === '-h') {
        console.log(help);
        return first === undefined ? 2 : 0;
      }
      const chosen = subcommands[first];
      if (chosen === undefined) {
        throw new CliUsageError(`tickswap ${name}: unknown subcommand '${first}'; known: ${Object.keys(subcommands).join(', ')}`);
      }
      return chosen.run(rest);
    },
  };
}
