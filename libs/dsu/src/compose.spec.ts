import { compose } from './compose';
import { PatchVersionError } from './errors';
import { LiveSystem } from './live-system';
import { Namespace } from './namespace';
import type { PatchStep } from './patch';
import { toSnapshot } from './to-snapshot';

function versions() {
  class A { static readonly fields = ['a', 'b']; a = 1; b = 2; }
  class A2 { static readonly fields = ['a', 'c', 'd']; a = 0; c = 0; d = 0; }
  class A3 { static readonly fields = ['e', 'c', 'd', 'f']; e = 0; c = 0; d = 0; f = 0; }
  const p1: PatchStep = { from: '1', to: '2', classes: { A: { kind: 'replace', code: A2, rename: { b: 'c' }, add: { d: { init: (old) => (old['a'] as number) * 10 } } } } };
  const p2: PatchStep = { from: '2', to: '3', classes: { A: { kind: 'replace', code: A3, rename: { a: 'e' }, transform: { d: (value) => (value as number) + 1 }, add: { f: { value: 'new' } } } } };
  const state = () => {
    const shared = new A();
    return { list: [shared, new A()], shared };
  };
  return { A, A3, p1, p2, state, v1: () => Namespace.of('1', { A }) };
}

describe('compose', () => {
  it('applies two patches as one update with the same result as one after the other', () => {
    const { p1, p2, state, v1, A3 } = versions();
    const one = new LiveSystem(v1(), state());
    one.update(p1);
    one.update(p2);
    const both = new LiveSystem(v1(), state());
    const committed = both.update(compose(p1, p2));
    expect(committed.to.version).toBe('3');
    expect(toSnapshot(both.root, both.namespace)).toEqual(toSnapshot(one.root, one.namespace));
    expect(both.root.list[0]).toBe(both.root.shared);
    expect(both.root.shared).toBeInstanceOf(A3);
    expect({ ...both.root.shared }).toEqual({ e: 1, c: 2, d: 11, f: 'new' });
  });

  it('refuses patches that do not follow each other, and a composition for the wrong version', () => {
    const { p1, p2, v1 } = versions();
    expect(() => compose(p2, p1)).toThrow(PatchVersionError);
    expect(() => compose(p2, p1)).toThrow("compose failed: the first patch produces version '3' but the second applies to '1'");
    expect(() => v1().apply(compose(p2, { ...p1, from: '3' }))).toThrow(PatchVersionError);
  });

  it('nests: compose(compose(p1, p2), p3) applies three steps', () => {
    const { p1, p2, v1 } = versions();
    const p3: PatchStep = { from: '3', to: '4' };
    expect(compose(compose(p1, p2), p3).steps).toEqual([p1, p2, p3]);
    expect(v1().apply(compose(compose(p1, p2), p3)).version).toBe('4');
  });
});

describe('rollback with a declared inverse migration', () => {
  it('carries changes made after the commit back into the old classes', () => {
    const { A, p1, state, v1 } = versions();
    const withInverse: PatchStep = { ...p1, inverse: { from: '2', to: '1', classes: { A: { kind: 'replace', code: A, rename: { c: 'b' }, remove: ['d'] } } } };
    const live = new LiveSystem(v1(), state());
    const before = live.namespace;
    const committed = live.update(withInverse);
    (live.root.shared as unknown as { c: number }).c = 42;
    committed.rollback();
    expect(live.namespace).toBe(before);
    expect(live.root.shared).toBeInstanceOf(A);
    expect({ ...live.root.shared }).toEqual({ a: 1, b: 42 });
    expect(live.root.list[0]).toBe(live.root.shared);
  });
});
