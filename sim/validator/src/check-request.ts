import { GateConfigError } from './errors';
import type { GateRequest } from './gate-request';
import { gateSettings, type GateSettings } from './gate-settings';

/**
 * Checks what can be checked of a request before a worker is involved: the
 * options, the robot, a recording against the rate and the motors, and
 * that bundles come with the keys to verify them. Throws GateConfigError
 * naming `method` and what to give instead.
 *
 * @example
 * const settings = checkRequest(request, 'Validator#run');
 */
export function checkRequest(request: GateRequest, method: string): GateSettings {
  const settings = gateSettings(request.options, method);
  const { robot, recording } = request.scenario;
  if (robot.kind !== 'differential-drive' || robot.motors.length === 0) {
    throw new GateConfigError(`${method} failed: the simulator runs differential-drive robots only, got '${robot.kind}' (${robot.name}); give such a robot description`);
  }
  if (recording !== undefined && recording.rateHz !== settings.rateHz) {
    throw new GateConfigError(`${method} failed: the recording was taken at ${recording.rateHz} Hz but the gate runs at ${settings.rateHz} Hz; record at the loop's rate or set options.rateHz`);
  }
  if (recording !== undefined && recording.motors !== robot.motors.length) {
    throw new GateConfigError(`${method} failed: the recording has ${recording.motors} motors but ${robot.name} has ${robot.motors.length}; record this robot`);
  }
  const bundles = [...request.running.chain, request.candidate].filter((source) => source.kind === 'bundle');
  if (bundles.length > 0 && request.trustedKeys === undefined) {
    throw new GateConfigError(`${method} failed: the request holds signed bundles but no trustedKeys to verify them with; give the keys the robot trusts`);
  }
  return settings;
}
