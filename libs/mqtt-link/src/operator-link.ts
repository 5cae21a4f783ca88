import { randomBytes } from 'node:crypto';
import { BrokerLink } from './broker-link';
import type { BrokerOptions } from './broker-options';

/**
 * A short-lived connection for an operator command: a clean session under a
 * fresh client id (two commands never take over each other's session), no
 * reconnection (a command that loses its broker fails and says so). Rejects
 * with `BrokerConnectError`.
 *
 * @example
 * const link = await openOperatorLink(broker, 5000, (topic, payload) => seen(topic, payload));
 */
export function openOperatorLink(
  broker: BrokerOptions,
  connectTimeoutMs: number,
  message: (topic: string, payload: Buffer, correlation: Buffer | undefined) => void,
): Promise<BrokerLink> {
  const clientId = `tickswap-operator-${randomBytes(6).toString('hex')}`;
  return BrokerLink.connect(broker, { clientId, persistent: false, reconnectPeriodMs: 0, connectTimeoutMs }, { message });
}
