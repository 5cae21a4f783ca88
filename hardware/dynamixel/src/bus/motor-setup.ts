import { OperatingMode, XSeries } from '../control-table/x-series';
import { DynamixelMotorMismatchError } from '../errors';
import { encodePing } from '../instructions/ping';
import { encodeRead } from '../instructions/read';
import { encodeSyncWrite } from '../instructions/sync-write';
import { encodeWrite } from '../instructions/write';
import { readUint16 } from '../protocol/params';
import type { DynamixelMotor } from './dynamixel-bus-options';
import type { Requester } from './requester';

const METHOD = 'DynamixelBus#start';

/**
 * Pings every motor, checks its model number, that it is in velocity mode
 * and, when `expectedReturnDelayMicros` is given, its Return Delay Time; returns
 * the largest Return Delay Time (µs) for the reply deadlines. Rejects with a
 * typed error naming the first motor that is wrong.
 *
 * @example
 * const returnDelayMicros = await checkMotors(requester, motors, 0);
 */
export async function checkMotors(
  requester: Requester,
  motors: readonly DynamixelMotor[],
  expectedReturnDelayMicros: number | undefined,
): Promise<number> {
  let returnDelayMicros = 0;
  for (const { id, model } of motors) {
    const ping = await requester.request(METHOD, id, encodePing(id), 3);
    const modelNumber = readUint16(ping.data, 0);
    if (modelNumber !== model.modelNumber) {
      throw new DynamixelMotorMismatchError(
        METHOD,
        id,
        `is model ${modelNumber}, expected ${model.modelNumber} (${model.name}); fix the motor list or the id`,
      );
    }
    // Return Delay Time (9), Drive Mode (10), Operating Mode (11) and Shadow ID (12) in one read: four
    // bytes, so a late 3-byte Ping reply cannot pass for its answer.
    const settings = await requester.request(METHOD, id, encodeRead(id, XSeries.returnDelayTime.address, 4), 4);
    const mode = settings.data[2] as number;
    if (mode !== OperatingMode.velocity) {
      const name = Object.entries(OperatingMode).find(([, value]) => value === mode)?.[0] ?? 'unknown';
      throw new DynamixelMotorMismatchError(
        METHOD,
        id,
        `is in operating mode ${mode} (${name}), expected ${OperatingMode.velocity} (velocity); set Operating Mode (11) to 1 with torque off (DYNAMIXEL Wizard)`,
      );
    }
    const delayMicros = (settings.data[0] as number) * 2;
    if (expectedReturnDelayMicros !== undefined && delayMicros !== expectedReturnDelayMicros) {
      throw new DynamixelMotorMismatchError(
        METHOD,
        id,
        `has Return Delay Time ${delayMicros} µs, expected ${expectedReturnDelayMicros} µs; set Return Delay Time (9) to ${expectedReturnDelayMicros / 2} with torque off (DYNAMIXEL Wizard), or fix the expected value`,
      );
    }
    returnDelayMicros = Math.max(returnDelayMicros, delayMicros);
  }
  return returnDelayMicros;
}

/**
 * Makes every motor ready to move: clears a tripped bus watchdog (goals are
 * read-only until then), zeroes the goal so torque-on does not lurch, enables
 * torque; then arms the watchdogs last, so none trips before the loop runs.
 *
 * @example
 * await armMotors(requester, motors, 5); // 100 ms watchdog
 */
export async function armMotors(requester: Requester, motors: readonly DynamixelMotor[], watchdogUnits: number): Promise<void> {
  for (const { id } of motors) {
    await requester.request(METHOD, id, encodeWrite(id, XSeries.busWatchdog.address, Uint8Array.of(0)), 0);
    await requester.request(METHOD, id, encodeWrite(id, XSeries.goalVelocity.address, new Uint8Array(4)), 0);
    await requester.request(METHOD, id, encodeWrite(id, XSeries.torqueEnable.address, Uint8Array.of(1)), 0);
  }
  if (watchdogUnits === 0) return;
  for (const { id } of motors) {
    await requester.request(METHOD, id, encodeWrite(id, XSeries.busWatchdog.address, Uint8Array.of(watchdogUnits)), 0);
  }
}

/**
 * The two broadcasts that stop every motor: zero goal velocity, then torque off.
 * Sync Writes, so no reply is awaited and a dead motor cannot hold up the others.
 *
 * @example
 * for (const frame of stopFrames([1, 2])) transport.write(frame, done);
 */
export function stopFrames(ids: readonly number[]): Buffer[] {
  return [
    encodeSyncWrite(XSeries.goalVelocity.address, 4, ids.map((id) => ({ id, data: new Uint8Array(4) }))),
    encodeSyncWrite(XSeries.torqueEnable.address, 1, ids.map((id) => ({ id, data: Uint8Array.of(0) }))),
  ];
}
