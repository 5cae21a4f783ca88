import { randomBytes } from 'node:crypto';
import type { BrokerLink } from './broker-link';
import type { BrokerOptions } from './broker-options';
import { PatchPublishError, ResultTimeoutError } from './errors';
import { openOperatorLink } from './operator-link';
import { claimedPatchId } from './read-bundle';
import { decodeResultMessage, isFinalResult, type FinalResult, type ResultMessage } from './result-message';
import { topicsOf } from './topics';

/** Where to publish a patch and how long to wait for its outcome. */
export interface PublishPatchOptions {
  readonly broker: BrokerOptions;
  readonly robot: string;
  /** How long to wait for the final result, ms (default 60 000). */
  readonly timeoutMs?: number;
  /** Every result of this patch, intermediate stages included, as it arrives. */
  readonly onStage?: (result: ResultMessage) => void;
  /** Called once connected and subscribed, as the bundle is handed to the broker: where publish -> outcome latency starts. */
  readonly onPublish?: () => void;
}

const payloadOf = (bundle: string | Uint8Array | object): Buffer =>
  typeof bundle === 'string' ? Buffer.from(bundle) : bundle instanceof Uint8Array ? Buffer.from(bundle) : Buffer.from(JSON.stringify(bundle));

const idOf = (payload: Buffer): string | null => {
  try {
    return claimedPatchId(JSON.parse(payload.toString('utf8')));
  } catch {
    return null;
  }
};

/**
 * Publishes a signed bundle (the file's bytes, or an object to serialise) to
 * the robot's patch topic at QoS 1 and resolves with its final result
 * (`committed`, `rejected` or `rolled-back`), passing every result to
 * `onStage` on the way. Results are matched by MQTT 5 correlation data, or
 * by patch id on a broker that speaks only 3.1.1. Rejects with
 * `PatchPublishError` when the broker refuses the publish (0x87: this user
 * may not write the topic), `ResultTimeoutError` when no final result came
 * in time, `BrokerConnectError`, `RobotIdError`.
 *
 * @example
 * const outcome = await publishPatch(readFileSync('pid-gain-2.json'), {
 *   broker: { url: 'mqtts://fleet:8883', caFile: 'ca.pem', username: 'operator', password },
 *   robot: 'wheelie-7',
 *   onStage: (r) => console.log(r.stage),
 * });
 * if (outcome.stage !== 'committed') process.exitCode = 1;
 */
export async function publishPatch(bundle: string | Uint8Array | object, options: PublishPatchOptions): Promise<FinalResult> {
  const topics = topicsOf(options.robot);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const payload = payloadOf(bundle);
  const patchId = idOf(payload);
  const correlation = randomBytes(16);
  let lastStage: string | undefined;
  let settle: (result: FinalResult) => void = () => undefined;
  const outcome = new Promise<FinalResult>((resolve) => (settle = resolve));
  const ours = (result: ResultMessage, echoed: Buffer | undefined): boolean =>
    echoed !== undefined ? correlation.equals(echoed) : result.patchId !== null && result.patchId === patchId;
  const link: BrokerLink = await openOperatorLink(options.broker, timeoutMs, (topic, message, echoed) => {
    let result: ResultMessage;
    try {
      result = decodeResultMessage(message);
    } catch {
      return; // Not a result this command can read: another robot version's noise, never a reason to fail.
    }
    if (topic !== topics.result || !ours(result, echoed)) return;
    lastStage = result.stage;
    options.onStage?.(result);
    if (isFinalResult(result)) settle(result);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await link.subscribe(topics.result);
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const why = lastStage === undefined ? 'no result at all: is the robot online, and its id right?' : `the last stage was '${lastStage}'`;
        reject(new ResultTimeoutError(`publishPatch failed: no final result from robot '${options.robot}' within ${timeoutMs} ms, ${why}`, lastStage));
      }, timeoutMs);
    });
    options.onPublish?.();
    const published = link.publish(topics.patch, payload, { qos: 1, correlation }).catch((error: Error) => {
      const code = (error as Error & { code?: number }).code;
      throw new PatchPublishError(
        `publishPatch failed: the broker refused the patch for robot '${options.robot}' (${error.message}); check that user '${options.broker.username ?? '(anonymous)'}' may write ${topics.patch}`,
        code,
      );
    });
    return await Promise.race([published.then(() => outcome), timedOut]);
  } finally {
    clearTimeout(timer);
    await link.end();
  }
}
