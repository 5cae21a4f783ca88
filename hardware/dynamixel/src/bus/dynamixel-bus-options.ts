import type { DynamixelModel } from '../control-table/dynamixel-model';
import { DynamixelConfigError, type BusLostError } from '../errors';
import { MAX_DEVICE_ID } from '../protocol/packet';
import type { ByteTransport } from '../transport/byte-transport';
import type { DeadlineTimer } from './deadline-timer';

/** One motor of the bus, in the robot description's order. */
export interface DynamixelMotor {
  readonly id: number;
  readonly model: DynamixelModel;
}

/** Why a transfer failed (see `onFault`). */
export type BusFaultKind = 'timeout' | 'crc' | 'status' | 'busy' | 'closed' | 'write-failed' | 'not-running';

/** Configuration of a {@link DynamixelBus}. */
export interface DynamixelBusOptions {
  readonly transport: ByteTransport;
  /** Motor index i of readings and commands is `motors[i]`. */
  readonly motors: readonly DynamixelMotor[];
  /** Bits per second the servos are set to (Baud Rate (8)); used for reply deadlines. */
  readonly baudRate: number;
  /** Goals beyond ±maxVelocity rad/s are clamped and counted. */
  readonly maxVelocity: number;
  /** Bus Watchdog (98) period armed by `start()`, in ms (rounded up to 20 ms units, at most 2540); 0 disables. Default 100. */
  readonly watchdogMillis?: number;
  /**
   * Return Delay Time (9) every servo must be set to, µs (2 µs units, 0..508):
   * `start()` fails naming a servo set otherwise. Default: not checked.
   */
  readonly returnDelayMicros?: number;
  /** Consecutive faulted transfers after which the bus is declared lost. Default 5. */
  readonly maxConsecutiveFaults?: number;
  /** Added to every reply deadline for the host side (OS, USB latency timer, Node's 1 ms timers). Default 2000 µs. */
  readonly replyMarginMicros?: number;
  /** Reply deadlines; default Node timers. Tests inject a manual one. */
  readonly timer?: DeadlineTimer;
  /**
   * Time in ms (default `performance.now()`), to tell when the bus was quiet
   * longer than the servos' bus watchdog. Tests inject their own.
   */
  readonly clock?: () => number;
  /** Every faulted transfer: why, and the first motor concerned (-1 if none). Runs in the loop: must not block. */
  readonly onFault?: (kind: BusFaultKind, motorIndex: number) => void;
  /** Once when the bus is declared lost (see {@link BusLostError}). */
  readonly onLost?: (error: BusLostError) => void;
}

/** The options with defaults applied and the watchdog in register units. */
export interface ResolvedBusOptions extends Required<Omit<DynamixelBusOptions, 'timer' | 'clock' | 'onFault' | 'onLost' | 'returnDelayMicros'>> {
  readonly watchdogUnits: number;
  readonly returnDelayMicros: number | undefined;
}

/**
 * Applies defaults and rejects inconsistent options with {@link DynamixelConfigError}.
 *
 * @example
 * resolveBusOptions({ transport, motors: [{ id: 1, model: XM430_W210 }], baudRate: 1_000_000, maxVelocity: 6 }).watchdogUnits; // 5
 */
export function resolveBusOptions(options: DynamixelBusOptions): ResolvedBusOptions {
  const fail = (detail: string): never => {
    throw new DynamixelConfigError(`DynamixelBus failed: ${detail}`);
  };
  if (options.motors.length === 0) fail('no motors configured');
  const ids = options.motors.map((motor) => motor.id);
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0 || id > MAX_DEVICE_ID) fail(`motor id ${id} is not 0..${MAX_DEVICE_ID}`);
  }
  if (new Set(ids).size !== ids.length) fail(`motor ids ${ids.join(', ')} repeat an id`);
  if (!(options.baudRate > 0)) fail(`baudRate ${options.baudRate} is not a positive number`);
  if (!(options.maxVelocity > 0 && Number.isFinite(options.maxVelocity))) fail(`maxVelocity ${options.maxVelocity} is not a positive finite rad/s`);
  const watchdogMillis = options.watchdogMillis ?? 100;
  const watchdogUnits = Math.ceil(watchdogMillis / 20);
  if (!(watchdogUnits >= 0 && watchdogUnits <= 127)) fail(`watchdogMillis ${watchdogMillis} is not 0..2540`);
  const maxConsecutiveFaults = options.maxConsecutiveFaults ?? 5;
  if (!Number.isInteger(maxConsecutiveFaults) || maxConsecutiveFaults < 1) {
    fail(`maxConsecutiveFaults ${maxConsecutiveFaults} is not a positive integer`);
  }
  const { returnDelayMicros } = options;
  if (returnDelayMicros !== undefined && !(Number.isInteger(returnDelayMicros / 2) && returnDelayMicros >= 0 && returnDelayMicros <= 508)) {
    fail(`returnDelayMicros ${returnDelayMicros} is not an even number of µs from 0 to 508 (Return Delay Time counts 2 µs units)`);
  }
  const replyMarginMicros = options.replyMarginMicros ?? 2000;
  if (!(replyMarginMicros >= 0)) fail(`replyMarginMicros ${replyMarginMicros} is negative`);
  return {
    transport: options.transport,
    motors: options.motors,
    baudRate: options.baudRate,
    maxVelocity: options.maxVelocity,
    watchdogMillis,
    watchdogUnits,
    returnDelayMicros,
    maxConsecutiveFaults,
    replyMarginMicros,
  };
}
