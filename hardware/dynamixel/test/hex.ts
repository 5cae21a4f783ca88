/** Bytes from spaced hex as the ROBOTIS manual prints them: `hex('FF FF FD 00')`. */
export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

/** Spaced upper-case hex of bytes, for readable failures. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase().replace(/(..)(?=.)/g, '$1 ');
}
