import { BROKER_ARG_OPTIONS, BROKER_USAGE, brokerOptionsFrom, checkRobotId, type BrokerArgValues, type BrokerOptions } from '@tickswap/mqtt-link';

/** The command line of patches over MQTT: which robot this is, which broker, which keys it trusts. */
export interface MqttArgs {
  /** The robot's id on the broker (`--robot-id`, default `sim-1`). */
  readonly robotId: string;
  /** An external broker (`--broker` ...); `undefined`: the controller starts an embedded one. */
  readonly broker: BrokerOptions | undefined;
  /** Port of the embedded broker (`--broker-port`, default 1883). */
  readonly brokerPort: number;
  /** The trust list, a JSON file or a directory of .pub files (`--trust`); `undefined`: `~/.tickswap` when it exists. */
  readonly trustPath: string | undefined;
}

/** The options `parseArgs` must accept for {@link mqttArgs}. */
export const MQTT_OPTIONS = {
  ...BROKER_ARG_OPTIONS,
  'robot-id': { type: 'string' },
  'broker-port': { type: 'string' },
  trust: { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const MQTT_USAGE = `  --robot-id <id>     the robot's id on the broker: its topics tickswap/v1/<id>/... (default sim-1)
  --trust <file|dir>  the keys patches must be signed with: a JSON trust list or a directory of .pub files
                      (default ~/.tickswap when it exists; without keys every patch is refused)
  --broker-port <n>   port of the embedded broker started when no --broker is given (default 1883)
${BROKER_USAGE}`;

/**
 * Reads the MQTT options from what `parseArgs` returned; `usage` builds the
 * error to throw for a bad value (the caller's usage error).
 *
 * @example
 * mqttArgs({ 'robot-id': 'sim-2' }, (m) => new Error(m)).brokerPort; // 1883
 */
export function mqttArgs(values: BrokerArgValues & { 'robot-id'?: string; 'broker-port'?: string; trust?: string }, usage: (message: string) => Error): MqttArgs {
  const robotId = values['robot-id'] ?? 'sim-1';
  try {
    checkRobotId(robotId);
  } catch (error) {
    throw usage(`parseControllerArgs failed: --robot-id: ${(error as Error).message}`);
  }
  const port = values['broker-port'];
  const brokerPort = port === undefined ? 1883 : Number(port);
  if (!(Number.isInteger(brokerPort) && brokerPort >= 0 && brokerPort < 65536)) throw usage(`parseControllerArgs failed: --broker-port must be a port number 0-65535, got '${port}'`);
  let broker: BrokerOptions | undefined;
  try {
    broker = brokerOptionsFrom(values);
  } catch (error) {
    throw usage(`parseControllerArgs failed: ${(error as Error).message}`);
  }
  if (broker !== undefined && port !== undefined) throw usage('parseControllerArgs failed: --broker-port sets the embedded broker, which --broker replaces; give one of them');
  return { robotId, broker, brokerPort, trustPath: values.trust };
}
