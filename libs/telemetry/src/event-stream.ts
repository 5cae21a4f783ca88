import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Subscription } from 'rxjs';
import { messageJson } from './message-json';
import type { TelemetryMessage } from './telemetry-messages';
import type { TelemetrySource } from './telemetry-source';

/** One Server-Sent Event: the message's type as the event name, the message as JSON data. */
const encode = (message: TelemetryMessage): string => `event: ${message.type}\ndata: ${messageJson(message)}\n\n`;

/**
 * The live telemetry as Server-Sent Events (`text/event-stream`), to any
 * number of clients: each first gets the source's history, then every
 * message as it is published. A client whose connection cannot keep up
 * (its socket buffer full) misses messages until it drains, counted in
 * {@link dropped}: nobody waits for a slow client.
 *
 * @example
 * const stream = new EventStream(telemetry);
 * http.createServer((request, response) => stream.attach(request, response));
 */
export class EventStream {
  private readonly clients = new Map<ServerResponse, { congested: boolean }>();
  private readonly subscription: Subscription;
  private droppedEvents = 0;

  constructor(private readonly source: TelemetrySource) {
    this.subscription = source.messages$.subscribe((message) => this.broadcast(encode(message)));
  }

  /** Clients connected. */
  get size(): number {
    return this.clients.size;
  }

  /** Events not sent to a client because its connection was congested. */
  get dropped(): number {
    return this.droppedEvents;
  }

  /** Serves one client: headers, the history, then live events until it disconnects. */
  attach(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    // EventSource reconnects by itself; a second is soon enough after a restart of the controller.
    response.write('retry: 1000\n\n');
    const client = { congested: false };
    this.clients.set(response, client);
    for (const message of this.source.history()) this.send(response, client, encode(message));
    request.on('close', () => this.clients.delete(response));
  }

  /** Ends every client's stream and stops listening to the source. */
  close(): void {
    this.subscription.unsubscribe();
    for (const response of this.clients.keys()) response.end();
    this.clients.clear();
  }

  private broadcast(event: string): void {
    for (const [response, client] of this.clients) this.send(response, client, event);
  }

  private send(response: ServerResponse, client: { congested: boolean }, event: string): void {
    if (client.congested) {
      this.droppedEvents += 1;
      return;
    }
    if (!response.write(event)) {
      client.congested = true;
      response.once('drain', () => (client.congested = false));
    }
  }
}
