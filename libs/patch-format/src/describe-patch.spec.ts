import type { PatchStep } from '@tickswap/dsu';
import { describePatch } from './describe-patch';
import { ShapeProblem } from './schema';

class Base {
  static readonly fields = ['a'] as const;
  a = 0;
}
class Pose {
  static readonly fields = ['x', 'y'] as const;
  x = 0;
  y = 0;
}
class Quiet extends Base {}
const migrate = () => undefined;

describe('describePatch', () => {
  it('names every declared change and none of the functions', () => {
    const patch: PatchStep = {
      from: '4',
      to: '5',
      classes: {
        Pose: { kind: 'add', code: Pose },
        Quiet: { kind: 'replace', code: Quiet, superclass: null, statics: { rename: { count: 'total' } }, migrate },
        Base: {
          kind: 'replace',
          code: Base,
          add: { b: { value: 0 }, c: { init: () => [] } },
          remove: ['old'],
          rename: { k: 'a' },
          transform: { a: (v) => v },
          allowNaN: ['a'],
        },
        Odometer: { kind: 'remove', into: 'Pose', rename: { dist: 'x' }, migrate },
      },
      globals: { add: { scale: { value: 1 } } },
      validations: { Pose: () => undefined },
      inverse: { from: '5', to: '4', classes: { Pose: { kind: 'remove' } } },
    };
    expect(describePatch(patch)).toEqual({
      from: '4',
      to: '5',
      changes: {
        classes: {
          Pose: { kind: 'add', fields: ['x', 'y'] },
          Quiet: { kind: 'replace', fields: [], superclass: null, statics: { rename: { count: 'total' } }, migrate: true },
          Base: { kind: 'replace', fields: ['a'], add: ['b', 'c'], remove: ['old'], rename: { k: 'a' }, transform: ['a'], allowNaN: ['a'] },
          Odometer: { kind: 'remove', rename: { dist: 'x' }, into: 'Pose', migrate: true },
        },
        globals: { add: ['scale'] },
        validations: ['Pose'],
        inverse: { from: '5', to: '4', classes: { Pose: { kind: 'remove' } } },
      },
    });
  });

  it('leaves out what is empty, so a declaration has one written form', () => {
    const patch: PatchStep = { from: '0', to: '1', classes: { Base: { kind: 'replace', code: Base, add: {}, remove: [] } }, globals: {}, validations: {} };
    expect(describePatch(patch)).toEqual({ from: '0', to: '1', changes: { classes: { Base: { kind: 'replace', fields: ['a'] } } } });
    expect(describePatch({ from: '0', to: '1' })).toEqual({ from: '0', to: '1', changes: { classes: {} } });
  });

  it.each([
    ['a composed patch', { from: '0', to: '2', steps: [] }, '', 'is a composed patch'],
    ['a patch that is not an object', 'patch', '', 'must be an object, got the string "patch"'],
    ['code that is not a class', { from: '0', to: '1', classes: { Base: { kind: 'add', code: 3 } } }, 'classes.Base.code', 'must be a class, got number 3'],
    ['an unknown kind', { from: '0', to: '1', classes: { Base: { kind: 'swap', code: Base } } }, 'classes.Base.kind', 'must be one of'],
    ['a migration that is not a function', { from: '0', to: '1', classes: { Base: { kind: 'replace', code: Base, migrate: 'yes' } } }, 'classes.Base.migrate', 'must be a function'],
    ['a field name that is not an identifier', { from: '0', to: '1', classes: { Base: { kind: 'replace', code: Base, remove: ['a b'] } } }, 'classes.Base.remove[0]', 'must be an identifier'],
    ['a version the format does not allow', { from: '0 1', to: '1' }, 'from', 'must be a version'],
    ['an inverse with an inverse', { from: '0', to: '1', inverse: { from: '1', to: '0', inverse: { from: '0', to: '1' } } }, 'inverse.inverse', 'is not a field'],
  ])('refuses %s, naming the place', (_what, patch, field, problem) => {
    const describe = () => describePatch(patch as unknown as PatchStep);
    expect(describe).toThrow(ShapeProblem);
    expect(describe).toThrow(expect.objectContaining({ field, problem: expect.stringContaining(problem) }));
  });
});
