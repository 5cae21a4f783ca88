import fc from 'fast-check';
import { hex } from '../../test/hex';
import { crc16 } from './crc16';

describe('crc16', () => {
  it('matches the manual (Ping id 1 ends 19 4E) and the CRC-16/BUYPASS check value', () => {
    expect(crc16(hex('FF FF FD 00 01 03 00 01'))).toBe(0x4e19);
    // Catalogued check value of poly 0x8005, init 0, unreflected, no XOR over "123456789".
    expect(crc16(Buffer.from('123456789'))).toBe(0xfee8);
  });

  it('continues across pieces as over the whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(64), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(crc16(bytes, at, bytes.length, crc16(bytes, 0, at))).toBe(crc16(bytes));
      }),
    );
  });

  it('detects every burst of up to 16 flipped bits inside a frame', () => {
    // A degree-16 generator with a non-zero constant term catches all bursts of
    // length <= 16: the guarantee the parser relies on when frame boundaries survive.
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 3, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 1, max: 0xffff }),
        (bytes, start, pattern) => {
          const firstBit = start % (bytes.length * 8 - 15);
          const corrupted = Uint8Array.from(bytes);
          for (let bit = 0; bit < 16; bit++) {
            if ((pattern >>> bit) & 1) {
              const at = firstBit + bit;
              corrupted[at >>> 3] = (corrupted[at >>> 3] as number) ^ (0x80 >>> (at & 7));
            }
          }
          expect(crc16(corrupted)).not.toBe(crc16(bytes));
        },
      ),
    );
  });
});
