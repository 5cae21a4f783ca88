import { readFileSync } from 'node:fs';
import type { IClientOptions } from 'mqtt';
import type { BrokerOptions } from './broker-options';
import { BrokerOptionsError } from './errors';

/** The MQTT session a client asks for. */
export interface SessionSpec {
  readonly clientId: string;
  /**
   * Keep the session across connections: the broker keeps the subscriptions
   * and queues QoS 1 messages while the client is away.
   */
  readonly persistent: boolean;
  /** How long the broker keeps a persistent session after a disconnect, s (MQTT 5; a 3.1.1 broker keeps it until the client returns). */
  readonly sessionExpiryS?: number;
  /** Published by the broker, retained at QoS 1, when the connection is lost without a goodbye. */
  readonly will?: { readonly topic: string; readonly payload: Buffer };
  /** Pause between reconnection attempts, ms; 0 never reconnects. */
  readonly reconnectPeriodMs: number;
  /** How long to wait for the broker to answer a connection, ms. */
  readonly connectTimeoutMs?: number;
}

/** MQTT protocol levels a link speaks: 5, or 4 (3.1.1) with brokers that refuse 5. */
export type ProtocolVersion = 4 | 5;

function readPem(option: string, file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    throw new BrokerOptionsError(
      `BrokerLink failed: the ${option} file '${file}' cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path and its permissions`,
    );
  }
}

/** The contents of a broker's TLS files. */
export interface TlsMaterial {
  readonly ca: Buffer | undefined;
  readonly cert: Buffer | undefined;
  readonly key: Buffer | undefined;
}

/**
 * Reads the CA, certificate and key files of `broker` (once per link, never
 * per connection or message). Throws {@link BrokerOptionsError} naming an
 * unreadable file.
 *
 * @example
 * const tls = readTls({ url: 'mqtts://fleet:8883', caFile: '/etc/tickswap/ca.crt' });
 */
export function readTls(broker: BrokerOptions): TlsMaterial {
  return { ca: readPem('CA', broker.caFile), cert: readPem('certificate', broker.certFile), key: readPem('key', broker.keyFile) };
}

/**
 * mqtt.js options for `broker`, `session` and protocol `version`.
 *
 * @example
 * mqtt.connect(broker.url, clientOptions(broker, { clientId: 'op-1', persistent: false, reconnectPeriodMs: 0 }, 5, readTls(broker)));
 */
export function clientOptions(broker: BrokerOptions, session: SessionSpec, version: ProtocolVersion, tls: TlsMaterial): IClientOptions {
  const expiry = version === 5 && session.persistent ? { properties: { sessionExpiryInterval: session.sessionExpiryS ?? 3600 } } : {};
  return {
    protocolVersion: version,
    clientId: session.clientId,
    clean: !session.persistent,
    ...expiry,
    username: broker.username,
    password: broker.password,
    ...tls,
    will: session.will && { topic: session.will.topic, payload: session.will.payload, qos: 1, retain: true },
    reconnectPeriod: session.reconnectPeriodMs,
    // A robot keeps trying after a refused login (the broker's password file may be fixed meanwhile).
    reconnectOnConnackError: session.reconnectPeriodMs > 0,
    connectTimeout: session.connectTimeoutMs ?? 10_000,
    // Tick statistics sent while offline are stale by the time the link is back: drop them, never queue them.
    queueQoSZero: false,
    // Links subscribe again themselves when a connection comes without its session.
    resubscribe: false,
  };
}
