import { randomBytes } from 'node:crypto';
import {
  BrokerLink,
  decodeResultMessage,
  decodeStatusMessage,
  decodeTicksMessage,
  topicsOf,
  type BrokerOptions,
  type ResultMessage,
  type StatusMessage,
  type TicksMessage,
} from '@tickswap/mqtt-link';

/** What a {@link RobotFeed} hears: a robot's messages, each checked, what could not be read, and the link's state. */
export type FeedEvent =
  | { readonly kind: 'ticks'; readonly message: TicksMessage }
  | { readonly kind: 'status'; readonly message: StatusMessage }
  | { readonly kind: 'result'; readonly message: ResultMessage }
  | { readonly kind: 'unreadable'; readonly topic: string; readonly problem: string }
  | { readonly kind: 'link'; readonly connected: boolean };

/** A feed of one robot's messages, open. */
export interface RobotFeed {
  /** Unsubscribes and disconnects. */
  close(): Promise<void>;
}

/**
 * Follows one robot on a broker: its ticks (telemetry), retained status and
 * patch results, each decoded and checked against its schema; a message
 * that fails is reported as `unreadable`, never thrown. Reconnects by itself
 * (every second) and subscribes again. Rejects with `BrokerConnectError`
 * when the broker cannot be reached at first.
 *
 * @example
 * const feed = await openRobotFeed({ url: 'mqtt://127.0.0.1:1883' }, 'sim-1', (event) => view.note(event));
 * process.once('SIGINT', () => void feed.close());
 */
export async function openRobotFeed(broker: BrokerOptions, robot: string, onEvent: (event: FeedEvent) => void): Promise<RobotFeed> {
  const topics = topicsOf(robot);
  const decoders: Readonly<Record<string, (payload: Buffer) => FeedEvent>> = {
    [topics.ticks]: (payload) => ({ kind: 'ticks', message: decodeTicksMessage(payload) }),
    [topics.status]: (payload) => ({ kind: 'status', message: decodeStatusMessage(payload) }),
    [topics.result]: (payload) => ({ kind: 'result', message: decodeResultMessage(payload) }),
  };
  const message = (topic: string, payload: Buffer): void => {
    const decode = decoders[topic];
    // An empty retained payload deletes a status: nothing to show.
    if (decode === undefined || payload.length === 0) return;
    let event: FeedEvent;
    try {
      event = decode(payload);
    } catch (error) {
      event = { kind: 'unreadable', topic, problem: (error as Error).message };
    }
    onEvent(event);
  };
  const subscribe = (link: BrokerLink): Promise<void[]> => Promise.all(Object.keys(decoders).map((topic) => link.subscribe(topic)));
  // Set once connected: the first connection's listener runs before it is.
  const opened: { link?: BrokerLink } = {};
  const session = { clientId: `tickswap-monitor-${randomBytes(6).toString('hex')}`, persistent: false, reconnectPeriodMs: 1000, connectTimeoutMs: 5000 };
  const link = await BrokerLink.connect(broker, session, {
    message,
    connect: () => {
      onEvent({ kind: 'link', connected: true });
      // A clean session loses its subscriptions with the connection; the first ones are made below.
      if (opened.link !== undefined) subscribe(opened.link).catch((error: Error) => onEvent({ kind: 'unreadable', topic: '', problem: error.message }));
    },
    offline: () => onEvent({ kind: 'link', connected: false }),
  });
  opened.link = link;
  await subscribe(link);
  return { close: () => link.end() };
}
