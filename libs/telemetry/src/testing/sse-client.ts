import { get, type IncomingMessage } from 'node:http';

/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  readonly event: string;
  readonly data: string;
}

/** A client of a `text/event-stream` URL that keeps every event it receives. */
export interface SseClient {
  readonly events: ReceivedEvent[];
  readonly response: IncomingMessage;
  /** Resolves once `count` events have arrived. */
  waitFor(count: number): Promise<void>;
  close(): void;
}

/**
 * Connects to `url` and parses its events (`event:` and `data:` fields, blank line ends one).
 *
 * @example
 * const client = await connectSse(`${url}/events`);
 * await client.waitFor(3);
 */
export function connectSse(url: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
      const events: ReceivedEvent[] = [];
      const waiters: { count: number; done: () => void }[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2)).join('\n');
          if (lines.some((l) => l.startsWith('data: '))) events.push({ event: field('event'), data: field('data') });
        }
        for (const waiter of waiters.filter((w) => events.length >= w.count)) waiter.done();
      });
      resolve({
        events,
        response,
        waitFor: (count) => (events.length >= count ? Promise.resolve() : new Promise((done) => waiters.push({ count, done }))),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/**
 * GETs `url`: status, content type and body.
 *
 * @example
 * const { status, body } = await fetchText(`${url}/metrics`);
 */
export function fetchText(url: string): Promise<{ status: number; type: string; body: string }> {
  return fetch(url).then(async (response) => ({ status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() }));
}
