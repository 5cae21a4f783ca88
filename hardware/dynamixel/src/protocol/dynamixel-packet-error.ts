/**
 * A packet that cannot be encoded or decoded: an id, address or length out of
 * range, or parameters that do not match the instruction. The message names
 * the function and the offending value.
 *
 * @example
 * try { encodeRead(300, 132, 4); } catch (error) { if (error instanceof DynamixelPacketError) console.log(error.message); }
 */
export class DynamixelPacketError extends Error {
  override readonly name = 'DynamixelPacketError';
}
