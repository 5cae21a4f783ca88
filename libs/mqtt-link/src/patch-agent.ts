import { BrokerLink } from './broker-link';
import { envelopeOf } from './envelope';
import { encodeMessage } from './message-codec';
import { AGENT_DEFAULTS, type PatchAgentOptions } from './patch-agent-options';
import { PatchRunner, type Reply } from './patch-runner';
import { readBundle } from './read-bundle';
import type { ResultBody, ResultMessage } from './result-message';
import { StatusReporter } from './status-reporter';
import type { TicksBody } from './ticks-message';
import { topicsOf, type RobotTopics } from './topics';

const SHUTTING_DOWN = 'PatchAgent: the robot is shutting down; publish the patch again once it is back';

/**
 * The robot side of "patches over MQTT". Subscribes to the robot's patch
 * topic with a persistent session (QoS 1 patches published while the robot
 * is briefly offline are delivered when it returns), runs every patch through
 * the injected pipeline (verify -> gate -> commit), one at a time in arrival
 * order, and publishes one result per stage: `received` first, then
 * `validated` when the gate passed, and exactly one final `rejected`,
 * `committed` or `rolled-back`.
 *
 * Refused without a crash and reported as `rejected`: bundles over
 * `maxBundleBytes` (before parsing), malformed JSON, non-objects, whatever a
 * stage refuses or throws, a full queue (`queue-full`: at most `maxQueued`
 * patches wait behind the one in progress; later ones are refused rather
 * than delayed without bound), a second copy of a patch id (`duplicate` when
 * it arrived while the first copy was queued or running, `replay` after).
 * Each patch is applied at most once.
 *
 * Keeps the retained status (`online` with the controller's figures; last
 * will `offline`) and publishes tick statistics. Never blocks its caller:
 * every broker call is asynchronous, the message handler only counts and
 * defers, and a broker that is down only delays results (QoS 1 results are
 * sent on reconnection; tick statistics are dropped).
 *
 * @example
 * const agent = new PatchAgent({ robot: 'wheelie-7', broker: { url: 'mqtt://fleet:1883' }, pipeline, figures });
 * agent.start();
 * agent.publishTicks(stats); // once a second, between ticks
 * await agent.stop();        // on shutdown
 */
export class PatchAgent<P> {
  private readonly topics: RobotTopics;
  private readonly settings: Required<Omit<PatchAgentOptions<P>, 'onEvent'>>;
  private readonly runner: PatchRunner<P>;
  private readonly status: StatusReporter;
  private link: BrokerLink | undefined;
  private stopping = false;
  private online = false;
  private lastError = '';
  private statusTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PatchAgentOptions<P>) {
    this.topics = topicsOf(options.robot);
    this.settings = { ...AGENT_DEFAULTS, clock: Date.now, clientId: `tickswap-robot-${options.robot}`, ...options };
    const { pipeline, maxQueued, rememberPatches, robot, figures, clock } = this.settings;
    this.runner = new PatchRunner(pipeline, (reply, body) => this.publishResult(reply, body), { maxQueued, rememberPatches });
    this.status = new StatusReporter(robot, this.topics.status, figures, clock);
  }

  /** Whether the agent is connected to the broker now. */
  get connected(): boolean {
    return this.link?.connected ?? false;
  }

  /**
   * Starts connecting (in the background: a broker that is down is retried
   * every `reconnectPeriodMs`) and the periodic status. Returns at once.
   *
   * @example
   * agent.start();
   */
  start(): void {
    if (this.link !== undefined) return;
    const { broker, clientId, sessionExpiryS, reconnectPeriodMs, statusIntervalMs } = this.settings;
    this.link = new BrokerLink(
      broker,
      { clientId, persistent: true, sessionExpiryS, reconnectPeriodMs, will: { topic: this.topics.status, payload: this.status.will() } },
      {
        message: (topic, payload, correlation) => this.receive(topic, payload, correlation),
        connect: (sessionPresent) => this.connectedAgain(sessionPresent),
        offline: () => this.wentOffline(),
        error: (error) => this.report(error),
      },
    );
    const link = this.link;
    this.statusTimer = setInterval(() => this.status.publish(link, this.report), statusIntervalMs);
    // The status timer alone must not keep a stopping controller alive.
    this.statusTimer.unref();
  }

  /**
   * Publishes a telemetry message (statistics, an update, a tick window;
   * QoS 0). Returns `false`, and drops it, while offline. Not for the tick
   * itself: it encodes JSON (allocates); call it between ticks.
   *
   * @example
   * telemetry.addSink({ publish: (_topic, message) => Promise.resolve(void agent.publishTicks(message)) });
   */
  publishTicks(body: TicksBody): boolean {
    if (this.link === undefined || !this.link.connected) return false;
    const message = { ...envelopeOf(this.settings.robot, this.settings.clock()), ...body };
    this.link.publish(this.topics.ticks, encodeMessage(message), { qos: 0 }).catch(this.report);
    return true;
  }

  /**
   * Resolves once no patch is queued or in progress.
   *
   * @example
   * await agent.idle();
   */
  idle(): Promise<void> {
    return this.runner.idle();
  }

  /**
   * Refuses the queued patches (`shutting-down`), lets the one in progress
   * finish, publishes the retained `offline` status and disconnects (the
   * broker keeps the session for `sessionExpiryS`).
   *
   * @example
   * process.once('SIGINT', () => void agent.stop());
   */
  async stop(): Promise<void> {
    if (this.stopping) return this.idle();
    this.stopping = true;
    clearInterval(this.statusTimer);
    for (const reply of this.runner.clear()) this.publishResult(reply, { stage: 'rejected', reason: 'shutting-down', message: SHUTTING_DOWN });
    await this.idle();
    if (this.link === undefined) return;
    await this.status.publishStopped(this.link, this.report);
    await this.link.end();
  }

  private receive(topic: string, payload: Buffer, correlation: Buffer | undefined): void {
    if (topic !== this.topics.patch) return;
    const arrival = this.runner.arrived();
    const receivedAt = this.runner.now();
    // Parsing waits for its own turn of the event loop: the MQTT stream (acks, pings) is not held up.
    setImmediate(() => this.intake(payload, { patchId: null, correlation, receivedAt }, arrival));
  }

  private intake(payload: Buffer, reply: Reply, arrival: number): void {
    const read = readBundle(payload, this.settings.maxBundleBytes);
    reply.patchId = read.patchId;
    this.publishResult(reply, { stage: 'received', bytes: payload.length });
    if ('refusal' in read) return this.publishResult(reply, { stage: 'rejected', ...read.refusal });
    if (this.stopping) return this.publishResult(reply, { stage: 'rejected', reason: 'shutting-down', message: SHUTTING_DOWN });
    if (!this.runner.enqueue(read.bundle, reply, arrival)) {
      const message = `PatchAgent#receive: ${this.settings.maxQueued} patches already wait behind the one in progress (maxQueued); publish it again once they are done`;
      this.publishResult(reply, { stage: 'rejected', reason: 'queue-full', message });
    }
  }

  private publishResult(reply: Reply, body: ResultBody): void {
    // Stage messages can be long (a stack of causes); the schema caps them.
    const capped = 'message' in body ? { ...body, message: body.message.slice(0, 2000) } : body;
    const result: ResultMessage = { ...envelopeOf(this.settings.robot, this.settings.clock()), patchId: reply.patchId, ...capped };
    this.options.onEvent?.({ kind: 'result', result });
    this.status.note(result);
    if (this.link === undefined) return;
    this.link.publish(this.topics.result, encodeMessage(result), { qos: 1, correlation: reply.correlation }).catch(this.report);
    if (result.stage === 'committed' || result.stage === 'rolled-back') this.status.publish(this.link, this.report);
  }

  private connectedAgain(sessionPresent: boolean): void {
    const link = this.link;
    if (link === undefined) return;
    this.online = true;
    this.lastError = '';
    this.options.onEvent?.({ kind: 'connected', protocol: link.protocolVersion, sessionPresent });
    // A broker that lost the session (restarted without persistence, session expired) lost the subscription too.
    if (!sessionPresent) link.subscribe(this.topics.patch).catch(this.report);
    this.status.publish(link, this.report);
  }

  private wentOffline(): void {
    // The goodbye of `stop` is not news: only an unplanned loss is reported.
    if (!this.online || this.stopping) return;
    this.online = false;
    this.options.onEvent?.({ kind: 'disconnected' });
  }

  /** Reports an error once, not once per reconnection attempt. */
  private readonly report = (error: Error): void => {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.options.onEvent?.({ kind: 'error', error });
  };
}
