import type { BrokerLink } from './broker-link';
import { envelopeOf } from './envelope';
import { encodeMessage } from './message-codec';
import type { ResultMessage } from './result-message';
import type { LastUpdate, RobotFigures, StatusMessage } from './status-message';

/**
 * Composes a robot's retained status: `online` with the controller's figures
 * and the last patch that changed the version, `offline` when stopped, and the
 * `connection-lost` last will.
 *
 * @example
 * const status = new StatusReporter('wheelie-7', 'tickswap/v1/wheelie-7/status', figures, Date.now);
 * status.publish(link, onError);
 */
export class StatusReporter {
  private lastUpdate: LastUpdate | null = null;

  constructor(
    private readonly robot: string,
    private readonly topic: string,
    private readonly figures: () => RobotFigures,
    private readonly clock: () => number,
  ) {}

  /** The last-will payload: composed once, when the agent starts. */
  will(): Buffer {
    return encodeMessage(this.offline('connection-lost'));
  }

  /** Notes a result; a commit or rollback becomes the status's `lastUpdate`. */
  note(result: ResultMessage): void {
    if ((result.stage === 'committed' || result.stage === 'rolled-back') && result.patchId !== null) {
      this.lastUpdate = { patchId: result.patchId, outcome: result.stage, version: result.version, at: result.at };
    }
  }

  /** Publishes the `online` status if `link` is connected (retained, QoS 1); errors go to `report`. */
  publish(link: BrokerLink, report: (error: Error) => void): void {
    if (!link.connected) return;
    try {
      const { version, loopHz, uptimeS } = this.figures();
      const status: StatusMessage = { ...envelopeOf(this.robot, this.clock()), state: 'online', version, loopHz, uptimeS, lastUpdate: this.lastUpdate };
      link.publish(this.topic, encodeMessage(status), { qos: 1, retain: true }).catch(report);
    } catch (error) {
      report(error as Error);
    }
  }

  /** Publishes the `stopped` status and resolves once the broker has it (or refused it). */
  async publishStopped(link: BrokerLink, report: (error: Error) => void): Promise<void> {
    if (link.connected) await link.publish(this.topic, encodeMessage(this.offline('stopped')), { qos: 1, retain: true }).catch(report);
  }

  private offline(cause: 'stopped' | 'connection-lost'): StatusMessage {
    return { ...envelopeOf(this.robot, this.clock()), state: 'offline', cause };
  }
}
