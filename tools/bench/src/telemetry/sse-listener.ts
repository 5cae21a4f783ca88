import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/** What the stream's client received. */
export interface StreamReceived {
  /** Events (and the opening `retry:` line) received. */
  readonly events: number;
  readonly bytes: number;
}

/**
 * Connects one client of a live stream in a child process; resolves once it
 * is connected, with a function that ends it and tells what it received.
 *
 * @example
 * const stop = await listenInChild(`${server.url}/events`);
 * const { events } = await stop();
 */
export async function listenInChild(url: string): Promise<() => Promise<StreamReceived>> {
  const child = fork(join(__dirname, 'sse-client-process.ts'), [url], { execArgv: process.execArgv });
  await once(child, 'message');
  return async () => {
    child.send('report');
    const [received] = (await once(child, 'message')) as [StreamReceived];
    await once(child, 'exit');
    return received;
  };
}
