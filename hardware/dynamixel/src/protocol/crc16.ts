/**
 * CRC-16 of Dynamixel Protocol 2.0: polynomial 0x8005, initial value 0, input
 * and output not reflected, no final XOR (the "CRC-16/BUYPASS" parameters).
 *
 * Table-driven because the parser checks every frame it receives: one table
 * lookup per byte instead of eight shifts.
 */
const TABLE = buildTable(0x8005);

function buildTable(polynomial: number): Uint16Array {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ polynomial) & 0xffff : (crc << 1) & 0xffff;
    }
    table[byte] = crc;
  }
  return table;
}

/**
 * CRC-16 of `bytes[start, end)`, continuing from `crc` (0 for a new packet).
 * Runs for every received frame: must not allocate.
 *
 * @example
 * // Ping id 1 from the ROBOTIS manual: CRC bytes 0x19 0x4E (little-endian).
 * crc16(Uint8Array.of(0xff, 0xff, 0xfd, 0x00, 0x01, 0x03, 0x00, 0x01)); // 0x4e19
 */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  let value = crc;
  for (let i = start; i < end; i++) {
    value = ((value << 8) ^ (TABLE[((value >>> 8) ^ (bytes[i] as number)) & 0xff] as number)) & 0xffff;
  }
  return value;
}
