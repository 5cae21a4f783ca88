import type { ByteTransport, TransportListener, WriteCallback } from '@tickswap/dynamixel';
import { seededRandom } from './seeded-random';
import { VirtualBusConfigError } from './virtual-bus-config-error';

/** How much a {@link CorruptingTransport} damages. */
export interface CorruptionOptions {
  /** Probability that any one byte is damaged, each way (0.01: 1 %). */
  readonly rate: number;
  /** Seed of the generator that picks the bytes and their damage: the same seed damages the same bytes. */
  readonly seed: number;
}

/** What a {@link CorruptingTransport} damaged, per direction (live counters). */
export interface CorruptionCounts {
  /** Bytes damaged on the way in (heard through the transport). */
  receivedBytes: number;
  /** Chunks heard with at least one damaged byte. */
  receivedChunks: number;
  /** Bytes damaged on the way out (written through the transport). */
  sentBytes: number;
  /** Writes with at least one damaged byte. */
  sentWrites: number;
}

/**
 * A noisy cable: wraps a {@link ByteTransport} and damages each byte passing
 * either way with probability `rate` (XOR with a random non-zero value),
 * deterministically for a seed. Put it on the servos' end of a link to test
 * that every damaged frame is detected and only counted.
 *
 * @example
 * const noisy = new CorruptingTransport(device, { rate: 0.01, seed: 7 });
 * createVirtualRobot(noisy, { robot, clock });
 * noisy.counts.sentWrites; // replies that left damaged
 */
export class CorruptingTransport implements ByteTransport {
  readonly counts: CorruptionCounts = { receivedBytes: 0, receivedChunks: 0, sentBytes: 0, sentWrites: 0 };
  private readonly random: () => number;
  private probability = 0;

  constructor(
    private readonly inner: ByteTransport,
    options: CorruptionOptions,
  ) {
    this.rate = options.rate;
    this.random = seededRandom(options.seed);
  }

  /** Probability that a byte is damaged; settable, to start or stop the noise (a clean start-up, then 1 %). */
  get rate(): number {
    return this.probability;
  }

  set rate(rate: number) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new VirtualBusConfigError(`CorruptingTransport#rate failed: ${rate} is not a probability from 0 to 1`);
    }
    this.probability = rate;
  }

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  listen(listener: TransportListener): void {
    this.inner.listen({
      data: (chunk) => {
        const damaged = this.damage(chunk);
        this.counts.receivedBytes += damaged.count;
        if (damaged.count > 0) this.counts.receivedChunks += 1;
        listener.data(damaged.bytes);
      },
      closed: (error) => listener.closed(error),
    });
  }

  write(bytes: Uint8Array, done: WriteCallback): void {
    const damaged = this.damage(bytes);
    this.counts.sentBytes += damaged.count;
    if (damaged.count > 0) this.counts.sentWrites += 1;
    this.inner.write(damaged.bytes, done);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private damage(bytes: Uint8Array): { bytes: Uint8Array; count: number } {
    let copy: Uint8Array | undefined;
    let count = 0;
    for (let at = 0; at < bytes.length; at++) {
      if (this.random() >= this.probability) continue;
      copy ??= Uint8Array.from(bytes);
      copy[at] = (copy[at] as number) ^ (1 + Math.floor(this.random() * 255));
      count += 1;
    }
    return { bytes: copy ?? bytes, count };
  }
}
