import type { BrokerOptions } from './broker-options';
import { openOperatorLink } from './operator-link';
import { decodeStatusMessage, type StatusMessage } from './status-message';
import { ALL_STATUS_TOPICS, robotOfTopic } from './topics';

/** A robot found by its retained status: readable, or with what was wrong with it. */
export type ListedRobot =
  | { readonly robot: string; readonly status: StatusMessage }
  | { readonly robot: string; readonly problem: string };

/** How long `listRobots` listens. */
export interface ListRobotsOptions {
  /** Stop once no status came for this long, ms (default 300): retained messages come in a burst after subscribing. */
  readonly quietMs?: number;
  /** Stop after this long whatever comes, ms (default 5000); also the connection timeout. */
  readonly timeoutMs?: number;
}

const readStatus = (robot: string, payload: Buffer): ListedRobot => {
  try {
    const status = decodeStatusMessage(payload);
    return status.robot === robot ? { robot, status } : { robot, problem: `listRobots: the status on robot '${robot}''s topic names robot '${status.robot}'` };
  } catch (error) {
    return { robot, problem: (error as Error).message };
  }
};

/**
 * The robots that have a retained status on the broker (online ones and
 * those whose last word was `offline`), sorted by id. MQTT has no "end of
 * retained messages" marker: it listens until `quietMs` pass without a new
 * status. Rejects with `BrokerConnectError`.
 *
 * @example
 * for (const entry of await listRobots({ url: 'mqtt://localhost:1883' })) {
 *   console.log(entry.robot, 'status' in entry ? entry.status.state : entry.problem);
 * }
 */
export async function listRobots(broker: BrokerOptions, options: ListRobotsOptions = {}): Promise<ListedRobot[]> {
  const quietMs = options.quietMs ?? 300;
  const timeoutMs = options.timeoutMs ?? 5000;
  const found = new Map<string, ListedRobot>();
  let quiet: NodeJS.Timeout | undefined;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const link = await openOperatorLink(broker, timeoutMs, (topic, payload) => {
    const robot = robotOfTopic(topic);
    // An empty retained payload is how a status is deleted: that robot is gone.
    if (robot === undefined || payload.length === 0) return;
    found.set(robot, readStatus(robot, payload));
    quiet?.refresh();
  });
  const deadline = setTimeout(done, timeoutMs);
  try {
    await link.subscribe(ALL_STATUS_TOPICS);
    quiet = setTimeout(done, quietMs);
    await finished;
  } finally {
    clearTimeout(quiet);
    clearTimeout(deadline);
    await link.end();
  }
  return [...found.values()].sort((a, b) => a.robot.localeCompare(b.robot));
}
