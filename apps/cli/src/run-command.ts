import type { Command } from './commands';
import { runController } from './controller-process';

/**
 * `tickswap run [options]`: the controller in this terminal (the same process
 * `npm start` runs; its options are the controller's, see `tickswap run --help`).
 * Ctrl-C reaches the controller, which stops the motors before it exits.
 *
 * @example
 * tickswap run --rate 500 --duration 10
 */
export const runCommand: Command = {
  summary: 'run the controller on the simulated robot (the process `npm start` runs)',
  run: (args) => runController(args),
};
