import fc from 'fast-check';
import { patternBytes } from '../../test/arbitraries';
import { hex, toHex } from '../../test/hex';
import { countStuffing, stuffedLength, stuffInto, unstuffInPlace } from './byte-stuffing';

function stuff(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(stuffedLength(bytes));
  expect(stuffInto(bytes, 0, bytes.length, out, 0)).toBe(out.length);
  return out;
}

describe('byte stuffing', () => {
  it.each([
    ['FF FF FD', 'FF FF FD FD'],
    ['FF FF FF FD', 'FF FF FF FD FD'],
    ['FF FF FD FF FF FD', 'FF FF FD FD FF FF FD FD'],
    ['FF FD FF FD', 'FF FD FF FD'],
    ['01 FF FF FD 00', '01 FF FF FD FD 00'],
  ])('stuffs %s as %s', (plain, stuffed) => {
    expect(toHex(stuff(hex(plain)))).toBe(stuffed);
  });

  it('continues a run of FF left by the byte before the region', () => {
    const out = new Uint8Array(4);
    expect(stuffInto(hex('FF FD'), 0, 2, out, 0, 1)).toBe(3);
    expect(toHex(out.subarray(0, 3))).toBe('FF FD FD');
  });

  it('undoes itself, and never leaves a header pattern in the output', () => {
    fc.assert(
      fc.property(patternBytes(80), (plain) => {
        const stuffed = stuff(plain);
        expect(toHex(stuffed)).not.toContain('FF FF FD 00');
        expect(countStuffing(stuffed, 0, stuffed.length)).toBe(stuffed.length - plain.length);
        const end = unstuffInPlace(stuffed, 0, stuffed.length);
        expect(toHex(stuffed.subarray(0, end))).toBe(toHex(plain));
      }),
    );
  });

  it('rejects an FF FF FD that is not followed by the stuffing FD', () => {
    expect(countStuffing(hex('FF FF FD 01'), 0, 4)).toBe(-1);
    expect(countStuffing(hex('00 FF FF FD'), 0, 4)).toBe(-1);
    expect(countStuffing(hex('FF FF FD FD'), 0, 4)).toBe(1);
  });
});
