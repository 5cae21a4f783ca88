import fc from 'fast-check';
import { SnapshotError } from './errors';
import { fromSnapshot } from './from-snapshot';
import { walkGraph } from './graph-walk';
import { Namespace } from './namespace';
import { buildGraph, classSpecs, firstVersion, nodeSpecs } from './testing/random-world';
import { pidWorld } from './testing/pid-fixtures';
import { toSnapshot } from './to-snapshot';

const roundTrip = (root: unknown, namespace: Namespace) => fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(root, namespace))), namespace);

describe('snapshots', () => {
  it('rebuild instances with their classes, shared references, cycles and special values', () => {
    const { Pid, namespace } = pidWorld();
    const pid = new Pid(2);
    pid.integral = Number.NaN;
    pid.previous = -0;
    pid.limit = Infinity;
    const root: Record<string, unknown> = {
      pids: [pid, pid],
      byName: new Map<unknown, unknown>([['left', pid], [pid, 'as key']]),
      set: new Set([pid, 3]),
      samples: new Float64Array([1.5, Number.NaN, -0]),
      counters: new BigInt64Array([5n]),
      when: new Date(1234),
      big: 12n,
      nothing: undefined,
      '__proto__ as key': 1,
    };
    root['self'] = root;
    Object.defineProperty(root, '__proto__', { value: 'plain key', enumerable: true, configurable: true, writable: true });
    const copy = roundTrip(root, namespace) as typeof root & { pids: InstanceType<typeof Pid>[] };
    const [first, second] = copy.pids;
    expect(first).toBeInstanceOf(Pid);
    expect(first).toBe(second);
    expect(first).not.toBe(pid);
    expect([first?.integral, Object.is(first?.previous, -0), first?.limit, first?.kp]).toEqual([Number.NaN, true, Infinity, 2]);
    expect((copy['byName'] as Map<unknown, unknown>).get('left')).toBe(first);
    expect([...(copy['byName'] as Map<unknown, unknown>).keys()][1]).toBe(first);
    expect([...(copy['set'] as Set<unknown>)]).toEqual([first, 3]);
    expect(copy['samples']).toEqual(new Float64Array([1.5, Number.NaN, -0]));
    expect(Object.is((copy['samples'] as Float64Array)[2], -0)).toBe(true);
    expect(copy['counters']).toEqual(new BigInt64Array([5n]));
    expect(copy['when']).toEqual(new Date(1234));
    expect([copy['big'], 'nothing' in copy, copy['nothing']]).toEqual([12n, true, undefined]);
    expect(copy['self']).toBe(copy);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toBe('plain key');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(first?.step(1)).toBeNaN();
  });

  it('refuse functions, classes outside the namespace and snapshots of another version', () => {
    const { namespace } = pidWorld();
    class Foreign {}
    expect(() => toSnapshot({ f: () => 1 }, namespace)).toThrow(SnapshotError);
    expect(() => toSnapshot({ deep: [new Foreign()] }, namespace)).toThrow("toSnapshot failed: root.deep[0]: an instance of a class outside namespace '1' cannot be rebuilt");
    const image = toSnapshot({}, namespace);
    expect(() => fromSnapshot({ ...image, version: '9' }, namespace)).toThrow(/snapshot is of version '9'/);
    expect(() => fromSnapshot({ ...image, nodes: [{ type: 'object', class: 'Nope', fields: [] }] }, namespace)).toThrow(/class 'Nope' is not in namespace/);
  });

  it('round-trip any random graph: same image, same shape of identities, same classes', () => {
    fc.assert(
      fc.property(classSpecs, nodeSpecs, (specs, nodes) => {
        const version = firstVersion(specs);
        const namespace = Namespace.of('1', version.classes);
        const { root } = buildGraph(specs, version, nodes);
        const copy = roundTrip(root, namespace) as object;
        expect(toSnapshot(copy, namespace)).toEqual(toSnapshot(root, namespace));
        const originals = [...walkGraph([root], () => true)];
        const copies = [...walkGraph([copy], () => true)];
        expect(copies).toHaveLength(originals.length);
        copies.forEach((object, index) => expect(Object.getPrototypeOf(object)).toBe(Object.getPrototypeOf(originals[index])));
      }),
      { numRuns: 80 },
    );
  });
});
