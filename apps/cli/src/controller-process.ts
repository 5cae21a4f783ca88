import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The controller's entry point: apps do not import apps, the CLI runs it as a process. */
const CONTROLLER_MAIN = join(__dirname, '..', '..', 'controller', 'src', 'main.ts');

/**
 * Runs the controller in this terminal with these arguments and resolves
 * with its exit status. Ctrl-C reaches the controller (the terminal sends
 * it to the whole process group), which stops the motors before it exits;
 * this process waits for it.
 *
 * @example
 * const status = await runController(['--duration', '10']);
 */
export function runController(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', CONTROLLER_MAIN, ...args], { stdio: 'inherit' });
    const ignore = (): void => undefined;
    // SIGTERM is sent to this process alone (a service manager, a test): the controller must get it to stop its motors.
    const pass = (): void => void child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', pass);
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', pass);
      resolve(code ?? 1);
    });
  });
}
