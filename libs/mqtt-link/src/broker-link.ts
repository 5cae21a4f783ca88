import type { Socket } from 'node:net';
import mqtt, { type IClientPublishOptions, type MqttClient } from 'mqtt';
import type { BrokerOptions } from './broker-options';
import { clientOptions, readTls, type ProtocolVersion, type SessionSpec, type TlsMaterial } from './client-options';
import { BrokerConnectError } from './errors';

/** What a link reports; every callback is optional. */
export interface LinkListeners {
  /** A message on a subscribed topic; `correlation` is its MQTT 5 correlation data. */
  message?(topic: string, payload: Buffer, correlation: Buffer | undefined): void;
  /** Connected (again); `sessionPresent` when the broker still had the session. */
  connect?(sessionPresent: boolean): void;
  /** The connection closed or an attempt to open it failed (may repeat while the broker is away). */
  offline?(): void;
  error?(error: Error): void;
}

// CONNACK codes for "unsupported protocol version" (3.1.1 and 5).
const PROTOCOL_REFUSED = new Set([1, 0x84]);

const codeOf = (error: Error): number | string | undefined => (error as Error & { code?: number | string }).code;

/**
 * An MQTT connection that speaks 5 when the broker does and falls back to
 * 3.1.1 once when the broker refuses the protocol level (aedes 1.x does):
 * everything the link does has a 3.1.1 form, so the code above it never
 * depends on which broker it talks to. Reconnects by itself when the
 * session spec says so.
 *
 * @example
 * const link = new BrokerLink(broker, { clientId: 'robot-7', persistent: true, reconnectPeriodMs: 1000 }, {
 *   message: (topic, payload) => handle(topic, payload),
 * });
 * await link.subscribe('tickswap/v1/robot-7/patch');
 */
export class BrokerLink {
  private client: MqttClient;
  private version: ProtocolVersion = 5;
  private readonly tls: TlsMaterial;

  /** Starts connecting; throws `BrokerOptionsError` at once for a TLS file it cannot read. */
  constructor(
    private readonly broker: BrokerOptions,
    private readonly session: SessionSpec,
    private readonly listeners: LinkListeners,
  ) {
    this.tls = readTls(broker);
    this.client = this.open();
  }

  /**
   * A link that is connected: resolves on the broker's first CONNACK, rejects
   * with {@link BrokerConnectError} when it refuses or cannot be reached.
   *
   * @example
   * const link = await BrokerLink.connect(broker, { clientId: 'op', persistent: false, reconnectPeriodMs: 0 });
   */
  static connect(broker: BrokerOptions, session: SessionSpec, listeners: LinkListeners = {}): Promise<BrokerLink> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const failed = (error: Error): void => {
        if (settled) return;
        settled = true;
        void link.end();
        reject(
          new BrokerConnectError(
            `BrokerLink.connect failed: ${broker.url} as '${broker.username ?? '(anonymous)'}': ${error.message}; check that the broker runs, the user name, password and certificates`,
            codeOf(error),
          ),
        );
      };
      const link: BrokerLink = new BrokerLink(broker, session, {
        ...listeners,
        connect: (sessionPresent) => {
          settled = true;
          resolve(link);
          listeners.connect?.(sessionPresent);
        },
        error: (error) => (settled ? listeners.error?.(error) : failed(error)),
        offline: () => (settled ? listeners.offline?.() : failed(new Error('the connection closed before the broker answered'))),
      });
    });
  }

  /** The protocol level in use: 5, or 4 after a broker refused 5. */
  get protocolVersion(): ProtocolVersion {
    return this.version;
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /**
   * Publishes; resolves once the broker acknowledged (QoS 1) or the packet
   * was written (QoS 0). QoS 1 messages published while offline are sent on
   * reconnection. Rejects with the broker's reason (`code` 0x87 when the ACL
   * refuses) under MQTT 5.
   */
  async publish(topic: string, payload: Buffer, options: { qos: 0 | 1; retain?: boolean; correlation?: Buffer }): Promise<void> {
    const publish: IClientPublishOptions = { qos: options.qos, retain: options.retain ?? false };
    if (this.version === 5 && options.correlation !== undefined) publish.properties = { correlationData: options.correlation };
    await this.client.publishAsync(topic, payload, publish);
  }

  /** Subscribes at QoS 1 (kept across reconnections). */
  async subscribe(topic: string): Promise<void> {
    await this.client.subscribeAsync(topic, { qos: 1 });
  }

  /** Disconnects (politely when connected) and stops reconnecting. Never rejects. */
  async end(): Promise<void> {
    await this.client.endAsync(!this.client.connected).catch(() => undefined);
  }

  private open(): MqttClient {
    const client = mqtt.connect(this.broker.url, clientOptions(this.broker, this.session, this.version, this.tls));
    const current = (): boolean => client === this.client;
    client.on('connect', (connack) => {
      // MQTT is small packets answering each other: under Nagle's algorithm an acknowledgement followed by a result
      // waits for the broker's delayed ACK, 40 ms a round (measured: bench mqtt). mqtt.js does not pass the option on.
      (client.stream as Partial<Pick<Socket, 'setNoDelay'>>).setNoDelay?.(true);
      if (current()) this.listeners.connect?.(connack.sessionPresent);
    });
    client.on('message', (topic, payload, packet) => current() && this.listeners.message?.(topic, payload, packet.properties?.correlationData));
    client.on('close', () => current() && this.listeners.offline?.());
    client.on('error', (error) => {
      if (!current()) return;
      if (this.version === 5 && PROTOCOL_REFUSED.has(Number(codeOf(error)))) {
        this.version = 4;
        this.client = this.open();
        client.end(true);
        return;
      }
      this.listeners.error?.(error);
    });
    return client;
  }
}
