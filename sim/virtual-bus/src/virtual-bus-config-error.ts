/**
 * A virtual bus asked for something it cannot simulate (a corruption rate
 * outside 0..1, ...); the message names the method and the setting.
 *
 * @example
 * new CorruptingTransport(transport, { rate: 2, seed: 1 }); // throws VirtualBusConfigError
 */
export class VirtualBusConfigError extends Error {
  override readonly name = 'VirtualBusConfigError';
}
