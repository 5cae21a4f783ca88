import { parseArgs } from 'node:util';
import { REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { TIMING_MODES, type TimingMode } from '@tickswap/control-loop';

/** The controller's command line, parsed and checked. */
export interface ControllerArgs {
  readonly help: boolean;
  readonly rateHz: number;
  readonly timing: TimingMode;
  readonly robotPath: string;
  /** Seconds to run before stopping by itself; `undefined` runs until Ctrl-C. */
  readonly durationS: number | undefined;
  /** Side of the square the mission drives, m. */
  readonly sideLength: number;
}

/** A command line the controller cannot run with; the message says which option and why. */
export class ControllerUsageError extends Error {
  override readonly name = 'ControllerUsageError';
}

/** The controller's `--help` text. */
export const CONTROLLER_USAGE = `usage: npm start -- [options]

Runs the controller on the simulated robot and shows a live status line.
Ctrl-C stops it: motors are commanded to zero and their torque turned off first.

  --rate <Hz>         ticks per second (default 1000)
  --timing <mode>     precise | balanced | efficient (default precise: best jitter, one busy core)
  --robot <file>      robot description (default: the reference two-wheeled robot)
  --side <m>          side of the square the mission drives (default 1)
  --duration <s>      stop by itself after this many seconds (default: run until Ctrl-C)
  -h, --help          this text`;

function positive(option: string, text: string | undefined, fallback: number, unit: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ControllerUsageError(`parseControllerArgs failed: --${option} must be a positive number of ${unit}, got '${text}'`);
  }
  return value;
}

/**
 * Parses the controller's command line. Throws {@link ControllerUsageError}
 * naming the option for anything it cannot run with.
 *
 * @example
 * parseControllerArgs(['--rate', '500', '--duration', '10']).rateHz; // 500
 */
export function parseControllerArgs(argv: readonly string[]): ControllerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        rate: { type: 'string' },
        timing: { type: 'string' },
        robot: { type: 'string' },
        side: { type: 'string' },
        duration: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ControllerUsageError(`parseControllerArgs failed: ${(error as Error).message}; see --help`);
  }
  const timing = values.timing ?? 'precise';
  if (!(timing in TIMING_MODES)) {
    throw new ControllerUsageError(
      `parseControllerArgs failed: --timing must be one of ${Object.keys(TIMING_MODES).join(', ')}, got '${timing}'`,
    );
  }
  return {
    help: values.help ?? false,
    rateHz: positive('rate', values.rate, 1000, 'ticks per second'),
    timing: timing as TimingMode,
    robotPath: values.robot ?? REFERENCE_ROBOT_PATH,
    durationS: values.duration === undefined ? undefined : positive('duration', values.duration, 0, 'seconds'),
    sideLength: positive('side', values.side, 1, 'metres'),
  };
}
