import { parseArgs } from 'node:util';
import { REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { TIMING_MODES, type TimingMode } from '@tickswap/control-loop';
import { DEV_OPTIONS, DEV_USAGE, devArgs, type DevArgs } from './dev-args';
import { HOT_SWAP_OPTIONS, HOT_SWAP_USAGE, hotSwapArgs, type HotSwapArgs } from './hot-swap-args';
import { MQTT_OPTIONS, MQTT_USAGE, mqttArgs, type MqttArgs } from './mqtt-args';
import { TELEMETRY_OPTIONS, TELEMETRY_USAGE, telemetryArgs, type TelemetryArgs } from './telemetry-args';

/** Which motors the controller drives (see `--bus`). */
export const BUS_KINDS = ['sim', 'pty', 'serial'] as const;
/** `sim`: the in-memory simulation; `pty`: the simulation behind a pseudo-terminal; `serial`: the robot's servos. */
export type BusKind = (typeof BUS_KINDS)[number];

/** The controller's command line, parsed and checked. */
export interface ControllerArgs extends HotSwapArgs, MqttArgs, TelemetryArgs, DevArgs {
  readonly help: boolean;
  readonly rateHz: number;
  readonly timing: TimingMode;
  readonly robotPath: string;
  /** Seconds to run before stopping by itself; `undefined` runs until Ctrl-C. */
  readonly durationS: number | undefined;
  /** Side of the square the mission drives, m. */
  readonly sideLength: number;
  readonly bus: BusKind;
  /** Serial device of the servos (`--device`); `undefined`: the robot description's. */
  readonly device: string | undefined;
  /** Serial speed, bits/s (`--baud`); `undefined`: the robot description's. */
  readonly baudRate: number | undefined;
  /** Time a reply may take beyond its wire time, µs (`--reply-margin`, given in ms); `undefined`: the bus's. */
  readonly replyMarginMicros: number | undefined;
}

/** A command line the controller cannot run with; the message says which option and why. */
export class ControllerUsageError extends Error {
  override readonly name = 'ControllerUsageError';
}

/** The controller's `--help` text. */
export const CONTROLLER_USAGE = `usage: npm start -- [options]

Runs the controller on the simulated robot, or on the real one over serial,
and shows a live status line. Ctrl-C stops it: motors are commanded to zero and
their torque turned off first.

  --rate <Hz>         ticks per second (default 1000)
  --timing <mode>     precise | balanced | efficient (default precise: best jitter, one busy core)
  --robot <file>      robot description (default: the reference two-wheeled robot)
  --side <m>          side of the square the mission drives (default 1)
  --duration <s>      stop by itself after this many seconds (default: run until Ctrl-C)
  --bus <kind>        sim | pty | serial (default sim: the simulation in memory; pty: the simulation
                      behind a socat pseudo-terminal, through the serial stack; serial: the robot)
  --device <path>     the servos' serial device (implies --bus serial; default: the robot description's)
  --baud <bits/s>     serial speed (default: the robot description's, else 1000000)
  --reply-margin <ms> time a reply may take beyond the wire (default 2, 5 with --bus pty; raise it
                      for a USB adapter's latency timer)
${HOT_SWAP_USAGE}
${MQTT_USAGE}
${TELEMETRY_USAGE}
${DEV_USAGE}
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
        bus: { type: 'string' },
        device: { type: 'string' },
        baud: { type: 'string' },
        'reply-margin': { type: 'string' },
        ...HOT_SWAP_OPTIONS,
        ...MQTT_OPTIONS,
        ...TELEMETRY_OPTIONS,
        ...DEV_OPTIONS,
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
  const bus = values.bus ?? (values.device === undefined ? 'sim' : 'serial');
  if (!(BUS_KINDS as readonly string[]).includes(bus)) {
    throw new ControllerUsageError(`parseControllerArgs failed: --bus must be one of ${BUS_KINDS.join(', ')}, got '${bus}'`);
  }
  if (values.device !== undefined && bus !== 'serial') {
    throw new ControllerUsageError(`parseControllerArgs failed: --device applies to --bus serial, not --bus ${bus}; drop one of them`);
  }
  const baudRate = values.baud === undefined ? undefined : positive('baud', values.baud, 0, 'bits per second');
  if (baudRate !== undefined && (bus === 'sim' || !Number.isInteger(baudRate))) {
    const why = bus === 'sim' ? 'applies to a serial bus (--bus pty or serial)' : 'must be a whole number of bits per second';
    throw new ControllerUsageError(`parseControllerArgs failed: --baud ${why}, got '${values.baud}'`);
  }
  const replyMargin = values['reply-margin'];
  if (replyMargin !== undefined && bus === 'sim') {
    throw new ControllerUsageError(`parseControllerArgs failed: --reply-margin applies to a serial bus (--bus pty or serial), got '${replyMargin}'`);
  }
  return {
    help: values.help ?? false,
    rateHz: positive('rate', values.rate, 1000, 'ticks per second'),
    timing: timing as TimingMode,
    robotPath: values.robot ?? REFERENCE_ROBOT_PATH,
    durationS: values.duration === undefined ? undefined : positive('duration', values.duration, 0, 'seconds'),
    sideLength: positive('side', values.side, 1, 'metres'),
    bus: bus as BusKind,
    device: values.device,
    baudRate,
    replyMarginMicros: replyMargin === undefined ? undefined : positive('reply-margin', replyMargin, 0, 'milliseconds') * 1000,
    ...hotSwapArgs(values, (message) => new ControllerUsageError(message)),
    ...mqttArgs(values, (message) => new ControllerUsageError(message)),
    ...telemetryArgs(values, (message) => new ControllerUsageError(message)),
    ...devArgs(values, (message) => new ControllerUsageError(message)),
  };
}
