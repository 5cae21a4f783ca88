/**
 * Bytes one tick puts on the wire for `servos` motors: Sync Write of goal
 * velocity (14 + 5n), Sync Read of present state (14 + n), n replies of 21.
 *
 * @example
 * wireMicros(tickBytes(4), 1_000_000); // 1360 µs at 1 Mbaud
 */
export function tickBytes(servos: number): number {
  return 14 + 5 * servos + (14 + servos) + 21 * servos;
}
