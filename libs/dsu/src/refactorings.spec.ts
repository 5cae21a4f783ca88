// The refactorings of the classic catalogue that corrupt live instances in a
// naive live environment (the instance keeps the old layout under the new
// code): each must carry the state over.
import { field, POLICIES, runUpdate } from './testing/run-update';

describe.each(POLICIES)('refactorings keep the state, policy %s', (policy) => {
  it('rename field', () => {
    class Pid { static readonly fields = ['ki']; ki = 0.25; }
    class Pid2 { static readonly fields = ['integralGain']; integralGain = 0; }
    const root = { pid: new Pid() };
    runUpdate({ Pid }, root, { from: '1', to: '2', classes: { Pid: { kind: 'replace', code: Pid2, rename: { ki: 'integralGain' } } } }, policy);
    expect({ ...root.pid }).toEqual({ integralGain: 0.25 });
  });

  it('extract class / move field: x, y, heading move into a new Pose', () => {
    class Robot { static readonly fields = ['name', 'x', 'y', 'heading']; name = 'r1'; x = 1; y = 2; heading = 0.5; }
    class Pose { static readonly fields = ['x', 'y', 'heading']; constructor(public x: number, public y: number, public heading: number) {} }
    class Robot2 { static readonly fields = ['name', 'pose']; name = ''; pose = new Pose(0, 0, 0); }
    const robot = new Robot();
    const root = { robot, alias: robot };
    runUpdate({ Robot }, root, {
      from: '1', to: '2',
      classes: {
        Pose: { kind: 'add', code: Pose },
        Robot: { kind: 'replace', code: Robot2, remove: ['x', 'y', 'heading'], add: { pose: { init: (old) => new Pose(old['x'] as number, old['y'] as number, old['heading'] as number) } } },
      },
    }, policy);
    expect(root.alias).toBe(root.robot);
    expect(field(root.robot, 'pose')).toEqual(new Pose(1, 2, 0.5));
    expect(field(root.robot, 'name')).toBe('r1');
  });

  it('push down field: gain leaves the base class but stays, with its value, in the subclass that uses it', () => {
    class Base { static readonly fields = ['id', 'gain']; id = 1; gain = 3; }
    class Uses extends Base {}
    class Ignores extends Base {}
    class Base2 { static readonly fields = ['id']; id = 0; }
    class Uses2 extends Base2 { static override readonly fields = ['gain']; gain = 0; }
    class Ignores2 extends Base2 {}
    const root = { items: [new Base(), new Uses(), new Ignores()] };
    runUpdate({ Base, Uses, Ignores }, root, {
      from: '1', to: '2',
      classes: { Base: { kind: 'replace', code: Base2, remove: ['gain'] }, Uses: { kind: 'replace', code: Uses2 }, Ignores: { kind: 'replace', code: Ignores2 } },
    }, policy);
    expect(root.items.map((item) => [item.constructor.name, { ...item }])).toEqual([['Base2', { id: 1 }], ['Uses2', { id: 1, gain: 3 }], ['Ignores2', { id: 1 }]]);
  });

  it('pull up field: two subclasses declare limit; it moves to the base class and keeps each value', () => {
    class Base { static readonly fields = ['id']; id = 1; }
    class Left extends Base { static override readonly fields = ['limit']; limit = 5; }
    class Right extends Base { static override readonly fields = ['limit']; limit = 7; }
    class Base2 { static readonly fields = ['id', 'limit']; id = 0; limit = 0; }
    class Left2 extends Base2 {}
    class Right2 extends Base2 {}
    const root = { items: [new Base(), new Left(), new Right()] };
    runUpdate({ Base, Left, Right }, root, {
      from: '1', to: '2',
      classes: { Base: { kind: 'replace', code: Base2, add: { limit: { value: 10 } } }, Left: { kind: 'replace', code: Left2 }, Right: { kind: 'replace', code: Right2 } },
    }, policy);
    expect(root.items.map((item) => ({ ...item }))).toEqual([{ id: 1, limit: 10 }, { id: 1, limit: 5 }, { id: 1, limit: 7 }]);
  });

  it('split a field into two: range [min, max] becomes min and max', () => {
    class Joint { static readonly fields = ['range']; range = [-1.5, 1.5]; }
    class Joint2 { static readonly fields = ['min', 'max']; min = 0; max = 0; }
    const root = { joints: new Set([new Joint()]) };
    runUpdate({ Joint }, root, {
      from: '1', to: '2',
      classes: { Joint: { kind: 'replace', code: Joint2, remove: ['range'], add: { min: { init: (old) => (old['range'] as number[])[0] }, max: { init: (old) => (old['range'] as number[])[1] } } } },
    }, policy);
    expect([...root.joints].map((joint) => ({ ...joint }))).toEqual([{ min: -1.5, max: 1.5 }]);
  });
});
