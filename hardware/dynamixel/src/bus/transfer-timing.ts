/** UART bits per byte at 8N1: start bit, eight data bits, stop bit. */
export const BITS_PER_BYTE = 10;

/**
 * Time `bytes` take on the wire at `baudRate`, in µs.
 *
 * @example
 * wireMicros(21, 1_000_000); // 210
 */
export function wireMicros(bytes: number, baudRate: number): number {
  return (bytes * BITS_PER_BYTE * 1e6) / baudRate;
}

/** What bounds the wait for replies. */
export interface ReplyTiming {
  readonly baudRate: number;
  /** The slowest device's Return Delay Time, in µs (register 9 × 2 µs). */
  readonly returnDelayMicros: number;
  /** Added for the host side: OS scheduling, USB adapter latency timer, Node's timer granularity. */
  readonly marginMicros: number;
}

/**
 * Deadline for `replies` status packets of at most `replyBytes` each, which
 * devices send one after the other once the `requestBytes` request is out.
 *
 * @example
 * // Sync read of 4 motors (18-byte request, 25-byte worst-case replies) at 1 Mbaud, no return delay, 1 ms margin:
 * replyTimeoutMicros(18, 4, 25, { baudRate: 1_000_000, returnDelayMicros: 0, marginMicros: 1000 }); // 2180
 */
export function replyTimeoutMicros(requestBytes: number, replies: number, replyBytes: number, timing: ReplyTiming): number {
  const perReply = timing.returnDelayMicros + wireMicros(replyBytes, timing.baudRate);
  return wireMicros(requestBytes, timing.baudRate) + replies * perReply + timing.marginMicros;
}
