// Any change to a signed bundle, anywhere, is refused: the digest covers
// every field but itself and the signature, the signature covers the digest,
// the schema refuses what is neither.
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { BundleRefusedError } from './errors';
import { probeCode, probeRuns, RECEIVER, signedProbe } from './testing/bundle-fixtures';
import { verifyBundle } from './verify-bundle';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const original = signedProbe(
  probeCode(),
  { from: '0', to: '1', changes: { classes: { Probe: { kind: 'add', fields: ['n'] } }, validations: ['Probe'], globals: { rename: { a: 'b' } } } },
);
const bundle = JSON.parse(JSON.stringify(original)) as Json;

/** Every path to a node of the document (the root excluded). */
function paths(node: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof node !== 'object' || node === null) return [];
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
  return keys.flatMap((key) => [[...prefix, key], ...paths((node as Record<string, Json>)[key] as Json, [...prefix, key])]);
}

type Mutation = (parent: Record<string | number, Json>, key: string | number) => void;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.jsonValue().map((value): Mutation => (parent, key) => void (parent[key] = value as Json)),
  fc.constant<Mutation>((parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key])),
  fc.tuple(fc.string(), fc.jsonValue()).map(([name, value]) => (parent: Record<string | number, Json>, key: string | number) => {
    const target = parent[key];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) target[`${name}x`] = value as Json;
    else parent[key] = [target as Json];
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 0xffff })).map(([at, code]) => (parent: Record<string | number, Json>, key: string | number) => {
    const value = parent[key];
    const textual = typeof value === 'string' ? value : JSON.stringify(value);
    const index = at % (textual.length + 1);
    parent[key] = textual.slice(0, index) + String.fromCharCode(code) + textual.slice(index + 1);
  }),
);

describe('a signed bundle', () => {
  it('is accepted as signed', () => {
    expect(verifyBundle(JSON.stringify(bundle), RECEIVER)).toEqual(original);
  });

  it('is refused after any change of any field, with a typed error, and none of its code runs', () => {
    const all = paths(bundle);
    fc.assert(
      fc.property(fc.nat(all.length - 1), mutation, (at, mutate) => {
        const copy = structuredClone(bundle) as Record<string | number, Json>;
        const path = all[at] as (string | number)[];
        const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, copy);
        mutate(parent as Record<string | number, Json>, path.at(-1) as string | number);
        fc.pre(canonicalJson(copy) !== canonicalJson(bundle));
        expect(() => verifyBundle(JSON.stringify(copy), RECEIVER)).toThrow(BundleRefusedError);
      }),
      { seed: 20_240_601, numRuns: 1000 },
    );
    expect(probeRuns()).toBe(0);
  });
});
