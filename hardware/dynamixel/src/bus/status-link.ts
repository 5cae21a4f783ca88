import { Instruction } from '../protocol/packet';
import { PacketParser, type PacketView } from '../protocol/packet-parser';
import type { ByteTransport, WriteCallback } from '../transport/byte-transport';
import type { DeadlineTimer } from './deadline-timer';

/** How an exchange ended: every reply in, or why not. */
export type ExchangeResult = 'ok' | 'timeout' | 'crc' | 'closed' | 'write-failed';

/** The party waiting for the replies of one exchange. */
export interface ExchangeHandler {
  /**
   * Status packet from the device at position `slot` of the exchange's id
   * list. Returns false to disown it: a reply of the wrong size is a late
   * answer to an earlier request (Protocol 2.0 has no sequence number), and
   * the exchange keeps waiting for the real one.
   */
  reply(packet: PacketView, slot: number): boolean;
  /** The exchange is over; {@link StatusLink.missingSlot} tells who did not answer. */
  finish(result: ExchangeResult): void;
}

const NO_SLOT = -1;

/**
 * The host side of a half-duplex Dynamixel bus: sends requests, routes the
 * status packets that come back to the one exchange in progress, and ends it
 * when every expected device has answered, when the replies still missing
 * all arrived damaged, or when the deadline passes. Replies outside an
 * exchange are stale and dropped.
 *
 * @example
 * const link = new StatusLink(transport, new NodeDeadlineTimer(), () => console.warn('port closed'));
 * link.exchange(encodeSyncRead(126, 10, [1, 2]), Uint8Array.of(1, 2), 2, 2000, handler);
 */
export class StatusLink {
  readonly parser: PacketParser;
  private handler: ExchangeHandler | null = null;
  private readonly slotOfId = new Int16Array(256).fill(NO_SLOT);
  private readonly answered = new Uint8Array(256);
  private ids: ArrayLike<number> = [];
  private count = 0;
  private remaining = 0;
  private damagedBefore = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly expire = (): void => {
    this.parser.resync();
    if (this.handler === null) return;
    const damaged = this.damagedFrames() > this.damagedBefore;
    this.finish(damaged ? 'crc' : 'timeout');
  };
  private readonly written: WriteCallback = (error) => {
    if (error && this.handler !== null) this.finish('write-failed');
  };

  constructor(
    private readonly transport: ByteTransport,
    private readonly timer: DeadlineTimer,
    private readonly onClosed: (error: Error | undefined) => void,
  ) {
    this.parser = new PacketParser((packet) => this.route(packet), { maxLength: 1024 });
    transport.listen({
      data: (chunk) => this.receive(chunk),
      closed: (error) => this.close(error),
    });
  }

  /** Whether an exchange is waiting for replies. */
  get busy(): boolean {
    return this.handler !== null;
  }

  get isOpen(): boolean {
    return !this.closed && this.transport.isOpen;
  }

  /**
   * Sends a request that gets no reply (sync write, broadcast). Returns false
   * when the link is closed. Runs every tick: must not allocate, must not block.
   */
  send(bytes: Uint8Array, done: WriteCallback): boolean {
    if (!this.isOpen) return false;
    this.transport.write(bytes, done);
    return true;
  }

  /**
   * Sends `request` and waits for one status packet from each of the first
   * `count` ids, for at most `timeoutMicros`; the handler hears every reply
   * and then the end. Returns false (and calls nothing) when busy or closed.
   * Runs every tick (sync read): must not allocate, must not block.
   */
  exchange(request: Uint8Array, ids: ArrayLike<number>, count: number, timeoutMicros: number, handler: ExchangeHandler): boolean {
    if (this.handler !== null || !this.isOpen) return false;
    // Half duplex: anything heard before this request belongs to an older one.
    this.parser.reset();
    this.ids = ids;
    this.count = count;
    this.remaining = count;
    for (let slot = 0; slot < count; slot++) {
      const id = ids[slot] as number;
      this.slotOfId[id] = slot;
      this.answered[id] = 0;
    }
    this.damagedBefore = this.damagedFrames();
    this.handler = handler;
    this.timer.arm(timeoutMicros, this.expire);
    this.transport.write(request, this.written);
    return true;
  }

  /** First slot of the last exchange that did not answer, or -1. Must not allocate. */
  missingSlot(): number {
    for (let slot = 0; slot < this.count; slot++) {
      if (this.answered[this.ids[slot] as number] === 0) return slot;
    }
    return NO_SLOT;
  }

  /** Resolves when no exchange is in progress (it ends by its deadline at the latest). */
  idle(): Promise<void> {
    if (this.handler === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops listening to the deadline for good; the transport is the caller's to close. */
  dispose(): void {
    this.timer.dispose();
  }

  /**
   * Feeds the parser; when every reply still awaited is matched by a damaged
   * frame, the exchange ends at once as `'crc'` instead of at its deadline,
   * so a corrupt reply costs one round trip, not a whole deadline. (A damaged
   * frame left over from an earlier exchange can end one early; its real
   * replies then arrive late, the case Protocol 2.0 cannot tell apart anyway.)
   * Runs for every received chunk: must not allocate.
   */
  private receive(chunk: Uint8Array): void {
    this.parser.feed(chunk);
    if (this.handler !== null && this.damagedFrames() - this.damagedBefore >= this.remaining) this.finish('crc');
  }

  private damagedFrames(): number {
    const { crcErrors, lengthErrors, stuffingErrors } = this.parser.statistics;
    return crcErrors + lengthErrors + stuffingErrors;
  }

  private route(packet: PacketView): void {
    if (this.handler === null || packet.instruction !== Instruction.status) return;
    const slot = this.slotOfId[packet.id] as number;
    if (slot === NO_SLOT || this.answered[packet.id] === 1 || !this.handler.reply(packet, slot)) return;
    this.answered[packet.id] = 1;
    if (--this.remaining === 0) this.finish('ok');
  }

  private finish(result: ExchangeResult): void {
    const handler = this.handler;
    if (handler === null) return;
    this.timer.disarm();
    this.handler = null;
    for (let slot = 0; slot < this.count; slot++) this.slotOfId[this.ids[slot] as number] = NO_SLOT;
    handler.finish(result);
    if (this.idleWaiters.length > 0 && this.handler === null) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private close(error: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    // The owner learns why first, so the exchange ending next is seen as a consequence.
    this.onClosed(error);
    this.finish('closed');
  }
}
