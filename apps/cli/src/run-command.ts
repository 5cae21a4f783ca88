import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from './commands';

const CONTROLLER_MAIN = join(__dirname, '..', '..', 'controller', 'src', 'main.ts');

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
  run(args) {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', CONTROLLER_MAIN, ...args], {
        stdio: 'inherit',
      });
      // The terminal delivers Ctrl-C to the whole process group; the controller handles it.
      const ignore = (): void => undefined;
      process.on('SIGINT', ignore);
      child.on('error', reject);
      child.on('close', (code) => {
        process.off('SIGINT', ignore);
        resolve(code ?? 1);
      });
    });
  },
};
