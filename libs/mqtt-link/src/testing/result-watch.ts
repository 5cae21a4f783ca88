import type { BrokerLink } from '../broker-link';
import type { BrokerOptions } from '../broker-options';
import { openOperatorLink } from '../operator-link';
import { decodeResultMessage, isFinalResult, type ResultMessage } from '../result-message';
import { topicsOf, type RobotTopics } from '../topics';

/**
 * An operator connection for tests: collects every result a robot publishes
 * (in arrival order) and publishes raw payloads to its patch topic.
 *
 * @example
 * const watch = await ResultWatch.open(fleet.as('operator'), 'r1');
 * await watch.publish(JSON.stringify(bundle));
 * await watch.until((results) => results.some((r) => r.stage === 'committed'));
 */
export class ResultWatch {
  readonly results: ResultMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private link: BrokerLink | undefined;

  private constructor(private readonly topics: RobotTopics) {}

  static async open(broker: BrokerOptions, robot: string): Promise<ResultWatch> {
    const watch = new ResultWatch(topicsOf(robot));
    watch.link = await openOperatorLink(broker, 5000, (topic, payload) => {
      if (topic !== watch.topics.result) return;
      watch.results.push(decodeResultMessage(payload));
      for (const waiter of watch.waiters) waiter();
    });
    await watch.link.subscribe(watch.topics.result);
    return watch;
  }

  /** Publishes `payload` as it is to the robot's patch topic (QoS 1); resolves on the broker's PUBACK. */
  publish(payload: string | Buffer): Promise<void> {
    return (this.link as BrokerLink).publish(this.topics.patch, Buffer.from(payload), { qos: 1 });
  }

  /** Resolves with the results once `done(results)` holds; rejects, listing them, after `timeoutMs`. */
  until(done: (results: readonly ResultMessage[]) => boolean, timeoutMs = 10_000): Promise<ResultMessage[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done(this.results)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve([...this.results]);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`ResultWatch#until: not done within ${timeoutMs} ms; results: ${JSON.stringify(this.results.map((r) => [r.patchId, r.stage]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** The results so far as `patchId:stage`, `patchId:rejected:reason` for refusals. */
  stages(): string[] {
    return this.results.map((r) => `${r.patchId}:${r.stage}${r.stage === 'rejected' ? `:${r.reason}` : ''}`);
  }

  /** How many final results have come so far. */
  get finals(): number {
    return this.results.filter(isFinalResult).length;
  }

  async close(): Promise<void> {
    await this.link?.end();
  }
}
