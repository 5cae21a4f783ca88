import { BROKER_ARG_OPTIONS, brokerOptionsFrom, BrokerOptionsError, type BrokerArgValues, type BrokerOptions } from '@tickswap/mqtt-link';
import type { CommandArgs } from './command-args';
import { CliUsageError } from './commands';

/** The broker's options every MQTT subcommand takes (`--broker`, its TLS files and login). */
export const BROKER_OPTION_NAMES: readonly string[] = Object.keys(BROKER_ARG_OPTIONS);

/** Where `npm start` runs its embedded broker: the broker used when `--broker` is not given. */
export const DEFAULT_BROKER_URL = 'mqtt://127.0.0.1:1883';

/**
 * The broker a subcommand talks to: `--broker` and its options, or the
 * controller's embedded broker on this machine. Throws CliUsageError for
 * options that do not go together.
 *
 * @example
 * const broker = brokerChoice('status', args); // { url: 'mqtt://127.0.0.1:1883' } without --broker
 */
export function brokerChoice(command: string, args: CommandArgs): BrokerOptions {
  const values = Object.fromEntries(BROKER_OPTION_NAMES.map((name) => [name, args.option(name)])) as BrokerArgValues;
  try {
    return brokerOptionsFrom(values) ?? { url: DEFAULT_BROKER_URL };
  } catch (error) {
    if (error instanceof BrokerOptionsError) throw new CliUsageError(`tickswap ${command}: ${error.message}`);
    throw error;
  }
}
