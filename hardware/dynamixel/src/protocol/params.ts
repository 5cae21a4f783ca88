import { DynamixelPacketError } from './dynamixel-packet-error';
import { BROADCAST_ID, MAX_DEVICE_ID, type Packet } from './packet';

/**
 * Throws unless `id` is a device id (0..252), or the broadcast id when allowed.
 *
 * @example
 * checkId('encodeRead', 1, false);
 */
export function checkId(method: string, id: number, allowBroadcast: boolean): void {
  const device = Number.isInteger(id) && id >= 0 && id <= MAX_DEVICE_ID;
  if (device || (allowBroadcast && id === BROADCAST_ID)) return;
  const allowed = allowBroadcast ? `0..${MAX_DEVICE_ID} or ${BROADCAST_ID} (broadcast)` : `0..${MAX_DEVICE_ID}`;
  throw new DynamixelPacketError(`${method} failed: id ${id} is not ${allowed}`);
}

/**
 * Throws unless `value` fits an unsigned 16-bit field (addresses, lengths).
 *
 * @example
 * checkUint16('encodeRead', 'address', 132);
 */
export function checkUint16(method: string, what: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
    throw new DynamixelPacketError(`${method} failed: ${what} ${value} is not 0..65535`);
  }
}

/**
 * Writes `value` little-endian at `offset` (Protocol 2.0 is little-endian throughout).
 *
 * @example
 * writeUint16(params, 0, 132); // 84 00
 */
export function writeUint16(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value & 0xff;
  target[offset + 1] = (value >>> 8) & 0xff;
}

/**
 * Reads a little-endian unsigned 16-bit value at `offset`.
 *
 * @example
 * readUint16(Uint8Array.of(0x84, 0x00), 0); // 132
 */
export function readUint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
}

/**
 * Throws unless `packet` carries `instruction` and its parameter count is at
 * least `minimum` and `minimum + k * step` for some k >= 0 (step 0: exactly `minimum`).
 *
 * @example
 * expectShape('decodeRead', packet, Instruction.read, 4, 0);
 */
export function expectShape(method: string, packet: Packet, instruction: number, minimum: number, step: number): void {
  if (packet.instruction !== instruction) {
    throw new DynamixelPacketError(
      `${method} failed: instruction 0x${packet.instruction.toString(16)} is not 0x${instruction.toString(16)}`,
    );
  }
  const extra = packet.params.length - minimum;
  if (extra < 0 || (step === 0 ? extra !== 0 : extra % step !== 0)) {
    const expected = step === 0 ? `${minimum}` : `${minimum} + n × ${step}`;
    throw new DynamixelPacketError(`${method} failed: ${packet.params.length} parameters, expected ${expected}`);
  }
}

/**
 * Throws when an id appears twice (devices would answer twice, or write twice).
 *
 * @example
 * checkUniqueIds('encodeSyncRead', [1, 2]);
 */
export function checkUniqueIds(method: string, ids: Iterable<number>): void {
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) throw new DynamixelPacketError(`${method} failed: id ${id} appears twice`);
    seen.add(id);
  }
}
