import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no white space', () => {
    expect(canonicalJson({ b: [1, 'x', { d: true, c: null }], a: 'é\n"' })).toBe('{"a":"é\\n\\"","b":[1,"x",{"c":null,"d":true}]}');
  });

  it('gives one text for equal values whatever their key order, and parses back to them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reversed = JSON.parse(JSON.stringify(value), (_key, inner: unknown) =>
          typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).reverse()) : inner,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 20_240_601, numRuns: 200 },
    );
  });

  it.each([[undefined], [Number.NaN], [Number.POSITIVE_INFINITY], [() => 1], [{ a: undefined }], [[1n]]])('refuses %p, which JSON cannot hold', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson(value)).toThrow(/^canonicalJson failed: .* has no JSON form/);
  });
});
