import { readFile } from 'node:fs/promises';
import { publishPatch } from '@tickswap/mqtt-link';
import { BROKER_OPTION_NAMES, brokerChoice } from './broker-choice';
import { subcommand } from './command-group';
import { CliUsageError } from './commands';
import { resultLine } from './result-line';

const DEFAULT_TIMEOUT_S = 60;

/**
 * `tickswap patch publish <bundle.json> --robot <id> [--broker ...]`: sends a
 * signed bundle to a robot and waits for its outcome, printing each stage
 * (received, verified and gated, committed with its downtime, or why not).
 * Exits 0 when committed, 1 when refused, rolled back or no answer came, 2
 * for a usage error.
 *
 * @example
 * tickswap patch publish pid.bundle.json --robot sim-1
 */
export const patchPublishCommand = subcommand({
  name: 'patch publish',
  synopsis: '<bundle.json> --robot <id> [--broker <url> ...] [--timeout <s>]',
  summary: `send a signed bundle to a robot over MQTT and wait for its outcome (default broker: npm start's, mqtt://127.0.0.1:1883; timeout ${DEFAULT_TIMEOUT_S} s)`,
  options: ['robot', 'timeout', ...BROKER_OPTION_NAMES],
  positionals: 1,
  async run(args) {
    const robot = args.required('robot');
    const broker = brokerChoice('patch publish', args);
    const timeoutS = Number(args.option('timeout') ?? DEFAULT_TIMEOUT_S);
    if (!(timeoutS > 0)) throw new CliUsageError(`tickswap patch publish: --timeout must be a positive number of seconds, got '${args.option('timeout')}'`);
    const file = args.positionals[0] as string;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new CliUsageError(`tickswap patch publish: cannot read ${file} (${(error as Error).message}); give a bundle file made by tickswap patch build and sign`);
    }
    console.log(`publishing ${file} to ${robot} on ${broker.url}`);
    const final = await publishPatch(bytes, { broker, robot, timeoutMs: timeoutS * 1000, onStage: (result) => console.log(resultLine(result)) });
    return final.stage === 'committed' ? 0 : 1;
  },
});
