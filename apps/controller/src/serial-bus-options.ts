import { dynamixelMotors, type OpenDynamixelBusOptions } from '@tickswap/dynamixel';
import type { RobotDescription, SerialSettings } from '@tickswap/robots';

/** What a robot without a `serial` section gets behind a pseudo-terminal: 1 Mbaud, no return delay, 100 ms watchdog. */
export const DEFAULT_SERIAL: Omit<SerialSettings, 'device'> = { baudRate: 1_000_000, returnDelayMicros: 0, watchdogMillis: 100 };

/** Share of the bus watchdog period a streak of faulted ticks may last before the bus is given up. */
const FAULT_STREAK_SHARE = 0.5;
/** The bus's own default streak: never give up sooner. */
const MIN_FAULT_STREAK = 5;

/**
 * The `DynamixelBus` of a described robot on `path`, for a loop of `rateHz`:
 * ids and models from its motors, goals clamped to the lowest motor velocity
 * limit, baud rate, Return Delay Time (checked on start) and bus watchdog
 * from its `serial` section (else {@link DEFAULT_SERIAL}); `baudRate`
 * overrides the description's. The bus is given up after a streak of
 * faulted ticks spanning half the watchdog period (50 at 1 kHz and 100 ms):
 * a loaded host can lose several replies in a row without the line being
 * gone, the servos keep their last goals meanwhile, and a line that is really
 * cut stops them by their watchdog whatever the count. Throws
 * `DynamixelConfigError` naming the field of an unknown model.
 *
 * @example
 * const bus = await openDynamixelBus({ ...serialBusOptions(robot, '/dev/ttyUSB0', 1000), onLost });
 */
export function serialBusOptions(robot: RobotDescription, path: string, rateHz: number, baudRate?: number): OpenDynamixelBusOptions {
  const serial = robot.serial ?? DEFAULT_SERIAL;
  return {
    path,
    motors: dynamixelMotors(robot.motors),
    baudRate: baudRate ?? serial.baudRate,
    maxVelocity: Math.min(...robot.motors.map((motor) => motor.limits.maxVelocity)),
    returnDelayMicros: serial.returnDelayMicros,
    watchdogMillis: serial.watchdogMillis,
    maxConsecutiveFaults: Math.max(MIN_FAULT_STREAK, Math.floor((rateHz * serial.watchdogMillis * FAULT_STREAK_SHARE) / 1000)),
  };
}
