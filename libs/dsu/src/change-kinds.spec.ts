import { PatchRefusedError } from './errors';
import { field, POLICIES, runUpdate } from './testing/run-update';

describe.each(POLICIES)('each kind of change, policy %s', (policy) => {
  const lazy = policy === 'lazy';

  it('adds a field with a value and with an initialiser of the old fields', () => {
    class A { static readonly fields = ['x']; x = 2; }
    class B { static readonly fields = ['x', 'y', 'z']; x = 0; y = 0; z: number[] = []; }
    const root = { a: new A() };
    runUpdate({ A }, root, { from: '1', to: '2', classes: { A: { kind: 'replace', code: B, add: { y: { value: 7 }, z: { init: (old) => [old['x']] } } } } }, policy);
    expect(root.a).toBeInstanceOf(B);
    expect({ ...root.a }).toEqual({ x: 2, y: 7, z: [2] });
  });

  it('removes a field', () => {
    class A { static readonly fields = ['x', 'gone']; x = 1; gone = 2; }
    class B { static readonly fields = ['x']; x = 0; }
    const root = { list: [new A(), new A()] };
    runUpdate({ A }, root, { from: '1', to: '2', classes: { A: { kind: 'replace', code: B, remove: ['gone'] } } }, policy);
    expect(root.list.map((item) => ({ ...item }))).toEqual([{ x: 1 }, { x: 1 }]);
  });

  it('renames a field, keeping its value and position', () => {
    class A { static readonly fields = ['a', 'ki', 'c']; a = 1; ki = 2; c = 3; }
    class B { static readonly fields = ['a', 'gain', 'c']; a = 0; gain = 0; c = 0; }
    const root = { map: new Map([['k', new A()]]) };
    runUpdate({ A }, root, { from: '1', to: '2', classes: { A: { kind: 'replace', code: B, rename: { ki: 'gain' } } } }, policy);
    expect(Object.entries(root.map.get('k') ?? {})).toEqual([['a', 1], ['gain', 2], ['c', 3]]);
  });

  it('transforms the value of a field that keeps its name (lazy refuses: a direct read could not be intercepted)', () => {
    class A { static readonly fields = ['angle']; angle = 180; }
    class B { static readonly fields = ['angle']; angle = 0; }
    const root = { set: new Set([new A()]) };
    const patch = { from: '1', to: '2', classes: { A: { kind: 'replace' as const, code: B, transform: { angle: (deg: unknown) => ((deg as number) * Math.PI) / 180 } } } };
    if (lazy) return expect(() => runUpdate({ A }, root, patch, policy)).toThrow(PatchRefusedError);
    runUpdate({ A }, root, patch, policy);
    expect(field([...root.set][0], 'angle')).toBeCloseTo(Math.PI);
  });

  it('replaces the code only: same fields, new methods', () => {
    class A { static readonly fields = ['n']; n = 1; twice() { return this.n * 2; } }
    class B { static readonly fields = ['n']; n = 1; twice() { return this.n * 2 + 1000; } }
    const root = { a: new A() };
    runUpdate({ A }, root, { from: '1', to: '2', classes: { A: { kind: 'replace', code: B } } }, policy);
    expect(root.a.twice()).toBe(1002);
  });

  it('adds a class and removes one into another class', () => {
    class Old { static readonly fields = ['speed']; speed = 3; }
    class Fresh { static readonly fields = ['velocity', 'unit']; velocity = 0; unit = 'm/s'; }
    const root = { items: [new Old(), { plain: true }] };
    const live = runUpdate({ Old }, root, {
      from: '1', to: '2',
      classes: { Fresh: { kind: 'add', code: Fresh }, Old: { kind: 'remove', into: 'Fresh', rename: { speed: 'velocity' }, add: { unit: { value: 'm/s' } } } },
    }, policy);
    expect(root.items[0]).toBeInstanceOf(Fresh);
    expect({ ...root.items[0] }).toEqual({ velocity: 3, unit: 'm/s' });
    expect(live.namespace.names()).toEqual(['Fresh']);
  });

  it('refuses to remove a class with live instances and no target, and allows it without instances', () => {
    class Old { static readonly fields = []; }
    const patch = { from: '1', to: '2', classes: { Old: { kind: 'remove' as const } } };
    expect(() => runUpdate({ Old }, { keep: [new Old()] }, patch, policy)).toThrow(/class 'Old' is removed but has a live instance at root.keep\[0\]/);
    expect(runUpdate({ Old }, { keep: [] }, patch, policy).namespace.find('Old')).toBeUndefined();
  });

  it('changes the superclass', () => {
    class Base { static readonly fields = ['id']; id = 1; }
    class Other { static readonly fields = ['tag']; tag = ''; }
    class Child extends Base { static override readonly fields = ['v']; v = 5; }
    class Child2 extends Other { static override readonly fields = ['v']; v = 0; }
    const root = { c: new Child() };
    runUpdate({ Base, Other, Child }, root, {
      from: '1', to: '2',
      classes: { Child: { kind: 'replace', code: Child2, superclass: 'Other', remove: ['id'], add: { tag: { init: (old) => `was ${String(old['id'])}` } } } },
    }, policy);
    expect(root.c).toBeInstanceOf(Other);
    expect({ ...root.c }).toEqual({ tag: 'was 1', v: 5 });
  });

  it('propagates a change of a class to the instances of its subclasses', () => {
    class Base { static readonly fields = ['ki']; ki = 1; }
    class Sub extends Base { static override readonly fields = ['extra']; extra = 2; }
    class Base2 { static readonly fields = ['gain']; gain = 0; }
    class Sub2 extends Base2 { static override readonly fields = ['extra', 'more']; extra = 0; more = 0; }
    const root = { b: new Base(), s: new Sub() };
    runUpdate({ Base, Sub }, root, {
      from: '1', to: '2',
      classes: { Base: { kind: 'replace', code: Base2, rename: { ki: 'gain' } }, Sub: { kind: 'replace', code: Sub2, add: { more: { value: 3 } } } },
    }, policy);
    expect([root.b, root.s].map((item) => ({ ...item }))).toEqual([{ gain: 1 }, { gain: 1, extra: 2, more: 3 }]);
    expect(root.s).toBeInstanceOf(Base2);
  });

  it('runs application-dependent migrations that fill or return the new fields (lazy refuses them)', () => {
    class A { static readonly fields = ['celsius']; celsius = 20; }
    class B { static readonly fields = ['kelvin']; kelvin = 0; }
    const fill = { from: '1', to: '2', classes: { A: { kind: 'replace' as const, code: B, remove: ['celsius'], add: { kelvin: { value: 0 } }, migrate: (old: Readonly<Record<string, unknown>>, fresh: Record<string, unknown>) => void (fresh['kelvin'] = (old['celsius'] as number) + 273.15) } } };
    const give = { ...fill, classes: { A: { ...fill.classes.A, migrate: (old: Readonly<Record<string, unknown>>) => ({ kelvin: (old['celsius'] as number) + 273 }) } } };
    if (lazy) return expect(() => runUpdate({ A }, { a: new A() }, fill, policy)).toThrow(/policy 'lazy' cannot intercept/);
    const first = { a: new A() };
    const second = { a: new A() };
    runUpdate({ A }, first, fill, policy);
    runUpdate({ A }, second, give, policy);
    expect([field(first.a, 'kelvin'), field(second.a, 'kelvin')]).toEqual([293.15, 293]);
  });

  it('carries static fields and module-level globals across versions', () => {
    class A { static readonly fields = []; static readonly staticFields = ['count', 'registry']; static count = 4; static registry: object[] = []; }
    class B { static readonly fields = []; static readonly staticFields = ['total', 'registry']; static total = 0; static registry: object[] = []; }
    const instance = new A();
    A.registry.push(instance);
    const globals: Record<string, unknown> = { ticks: 10, scale: 2 };
    const live = runUpdate({ A }, { instance }, {
      from: '1', to: '2',
      classes: { A: { kind: 'replace', code: B, statics: { rename: { count: 'total' } } } },
      globals: { rename: { scale: 'gain' }, add: { mode: { value: 'auto' } } },
    }, policy, globals);
    expect(B.total).toBe(4);
    expect(B.registry).toBe(A.registry);
    expect(B.registry[0]).toBe(live.root.instance);
    expect(B.registry[0]).toBeInstanceOf(B);
    expect(live.namespace.globals).toEqual({ ticks: 10, gain: 2, mode: 'auto' });
    expect(globals).toEqual({ ticks: 10, scale: 2 });
  });
});
