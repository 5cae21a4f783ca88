import { DynamixelPortError } from '../errors';
import type { ByteTransport, TransportListener, WriteCallback } from './byte-transport';

/** How a {@link createMemoryLink} delivers bytes. */
export interface MemoryLinkOptions {
  /** Deliver in chunks of at most this many bytes, as a UART driver would (default: whole writes). */
  readonly chunkSize?: number;
}

/**
 * One end of an in-memory serial link: what one end writes, the other hears on
 * a later turn of the event loop, in order. For tests and simulators.
 *
 * @example
 * const [host, device] = createMemoryLink();
 */
export class MemoryTransport implements ByteTransport {
  private listener: TransportListener | undefined;
  private peer: MemoryTransport = this;
  private open = true;

  constructor(private readonly chunkSize: number) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** Joins two ends (called by {@link createMemoryLink}). */
  connect(peer: MemoryTransport): void {
    this.peer = peer;
  }

  listen(listener: TransportListener): void {
    this.listener = listener;
  }

  write(bytes: Uint8Array, done: WriteCallback): void {
    if (!this.open) {
      setImmediate(done, new DynamixelPortError('MemoryTransport#write', 'the link is closed'));
      return;
    }
    const copy = Uint8Array.from(bytes);
    setImmediate(() => {
      this.peer.deliver(copy);
      done(null);
    });
  }

  close(): Promise<void> {
    this.sever(undefined);
    return Promise.resolve();
  }

  /** Breaks the link for both ends, as an unplugged adapter would (`error` undefined: a clean close). */
  sever(error: Error | undefined): void {
    for (const end of [this, this.peer]) {
      if (!end.open) continue;
      end.open = false;
      end.listener?.closed(error);
    }
  }

  private deliver(bytes: Uint8Array): void {
    if (!this.open) return;
    for (let at = 0; at < bytes.length; at += this.chunkSize) {
      this.listener?.data(bytes.subarray(at, at + this.chunkSize));
    }
  }
}

/**
 * A pair of connected in-memory transports (host end, device end).
 *
 * @example
 * const [host, device] = createMemoryLink({ chunkSize: 3 });
 * new ServoResponder(device, [{ id: 1, model: XM430_W210 }]);
 * const bus = new DynamixelBus({ transport: host, motors: [{ id: 1, model: XM430_W210 }], baudRate: 1_000_000, maxVelocity: 5 });
 */
export function createMemoryLink(options: MemoryLinkOptions = {}): [MemoryTransport, MemoryTransport] {
  const chunkSize = options.chunkSize ?? Number.MAX_SAFE_INTEGER;
  const host = new MemoryTransport(chunkSize);
  const device = new MemoryTransport(chunkSize);
  host.connect(device);
  device.connect(host);
  return [host, device];
}
