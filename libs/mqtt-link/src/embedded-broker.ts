import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Aedes } from 'aedes';
import { BrokerStartError } from './errors';

/** A running embedded broker. */
export interface EmbeddedBroker {
  /** `mqtt://host:port`, for `BrokerOptions.url`. */
  readonly url: string;
  readonly port: number;
  /** Disconnects every client and stops listening. Never rejects. */
  close(): Promise<void>;
}

/**
 * Starts an in-process MQTT broker (aedes 1.x) for `npm start` and desk use:
 * no users, no ACL, bound to localhost by default. It speaks MQTT 3.1.1 only;
 * links fall back to 3.1.1 by themselves. Port 0 picks a free port. Rejects
 * with {@link BrokerStartError} when the port cannot be bound.
 *
 * @example
 * const broker = await startEmbeddedBroker({ port: 1883 });
 * agent = new PatchAgent({ robot: 'sim-1', broker: { url: broker.url }, pipeline, figures });
 * // ...
 * await broker.close();
 */
export async function startEmbeddedBroker(options: { port?: number; host?: string } = {}): Promise<EmbeddedBroker> {
  const host = options.host ?? '127.0.0.1';
  const aedes = await Aedes.createBroker();
  const sockets = new Set<Socket>();
  // As Mosquitto with set_tcp_nodelay: small packets answering each other must not wait for delayed ACKs.
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  const closeAll = async (): Promise<void> => {
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void closeAll();
      const hint = error.code === 'EADDRINUSE' ? 'another broker listens there: stop it or pick another port' : 'check the host and port';
      reject(new BrokerStartError(`startEmbeddedBroker failed: cannot listen on ${host}:${options.port ?? 1883} (${error.code ?? error.message}); ${hint}`));
    });
    server.listen(options.port ?? 1883, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const authority = host.includes(':') ? `[${host}]` : host;
  return { url: `mqtt://${authority}:${port}`, port, close: closeAll };
}
