import type { Policy } from '@tickswap/dsu';
import { BrokerStartError, PatchAgent, startEmbeddedBroker, type AgentEvent, type EmbeddedBroker, type ResultMessage } from '@tickswap/mqtt-link';
import type { TrustedKeys } from '@tickswap/patch-format';
import type { TickTelemetry } from '@tickswap/telemetry';
import type { BundleStore } from './bundle-store';
import type { Controller } from './controller';
import type { ControllerGate } from './controller-gate';
import type { MqttArgs } from './mqtt-args';
import { controllerPipeline } from './patch-pipeline';

/** What {@link startMqttAgent} needs beside the controller and its MQTT options. */
export interface MqttAgentOptions extends MqttArgs {
  readonly policy: Policy;
  /** Prints a line (stdout). */
  readonly print: (line: string) => void;
  /** The keys whose signed patches it accepts (see `loadTrustedKeys`). */
  readonly trustedKeys: TrustedKeys;
  /** Where each verified bundle is kept before its commit, so a restart can load it again. */
  readonly store: BundleStore;
  /** The simulator gate every patch must pass before its commit is prepared. */
  readonly gate?: ControllerGate;
  /** The controller's telemetry: its statistics, updates and windows go out on the robot's ticks topic. */
  readonly telemetry?: Pick<TickTelemetry, 'addSink' | 'slack'>;
}

/** One line per stage of a patch on the controller's stdout. */
function stageLine(result: ResultMessage): string {
  const head = `patch ${result.patchId ?? '(unreadable)'}: ${result.stage}`;
  switch (result.stage) {
    case 'received':
      return `${head} (${result.bytes} bytes)`;
    case 'validated':
      return `${head} ${result.from} -> ${result.to}; gate: ${result.gate.ticks === 0 ? 'not run' : `${result.gate.ticks} ticks`}`;
    case 'committed':
      return `${head}: version ${result.version}, boundary ${result.downtime.boundaryMs.toFixed(3)} ms, next tick late ${result.downtime.latenessMs?.toFixed(3) ?? '-'} ms, ${result.downtime.missedTicks} missed`;
    default:
      return `${head} (${result.reason}): ${result.message}`;
  }
}

function eventLine(event: AgentEvent, where: string): string {
  if (event.kind === 'connected') return `mqtt: connected to ${where} (MQTT ${event.protocol})`;
  if (event.kind === 'disconnected') return `mqtt: disconnected from ${where}; the loop runs on, reconnecting`;
  return event.kind === 'error' ? `mqtt: ${event.error.message}` : stageLine(event.result);
}

/**
 * Starts patches over MQTT for a running controller: the embedded broker on
 * localhost unless `broker` names one, and a `PatchAgent` for `robotId`
 * whose pipeline is the controller's (see `controllerPipeline`). Prints each
 * patch's stages and the link's state. Resolves with a function that stops
 * the agent (offline status), then the embedded broker. An embedded broker that cannot listen turns
 * patches over MQTT off, with a line suggesting `--broker` or
 * `--broker-port`; an external broker that is down only delays patches: the
 * agent reconnects. With `telemetry`, every telemetry message is published
 * on the robot's ticks topic (QoS 0: dropped while the broker is away).
 *
 * @example
 * const stopMqtt = await startMqttAgent(controller, { robotId: 'sim-1', broker: undefined, brokerPort: 1883, trustPath: 'keys', trustedKeys, store, policy: 'prepared', print: console.log });
 * await controller.stopped;
 * await stopMqtt();
 */
export async function startMqttAgent(controller: Controller, options: MqttAgentOptions): Promise<() => Promise<void>> {
  const { trustedKeys, store } = options;
  let embedded: EmbeddedBroker | undefined;
  if (options.broker === undefined) {
    try {
      embedded = await startEmbeddedBroker({ port: options.brokerPort });
    } catch (error) {
      if (!(error instanceof BrokerStartError)) throw error;
      // The robot drives without patches over MQTT rather than not at all (another controller or a broker may hold the port).
      options.print(`mqtt: ${error.message}; patches over MQTT are off: run with --broker-port <n>, or --broker mqtt://host:port to use the running broker`);
      return async () => undefined;
    }
    options.print(`mqtt: embedded broker on ${embedded.url}; publish with: npm run tickswap -- patch publish <bundle> --robot ${options.robotId} --broker ${embedded.url}`);
  }
  const broker = options.broker ?? { url: embedded?.url ?? '' };
  const startedAt = Date.now();
  const { loop, live } = controller;
  const agent = new PatchAgent({
    robot: options.robotId,
    broker,
    pipeline: controllerPipeline(controller, { trustedKeys, store, policy: options.policy, ...(options.gate === undefined ? {} : { gate: options.gate }) }),
    figures: () => {
      const { ticks, state } = loop.statistics();
      const uptimeS = (Date.now() - startedAt) / 1000;
      return { version: live.namespace.version, loopHz: state === 'running' && uptimeS > 0 ? ticks / uptimeS : null, uptimeS };
    },
    onEvent: (event) => options.print(eventLine(event, broker.url)),
  });
  agent.start();
  const { telemetry } = options;
  // Encoding a window takes a while: a job of its own in the slack after a tick, where it delays no tick.
  const detach = telemetry?.addSink({ publish: (_topic, message) => Promise.resolve(telemetry.slack.push(() => agent.publishTicks(message))) });
  return async () => {
    detach?.();
    await agent.stop();
    await embedded?.close();
  };
}
