import { planFieldInit } from './field-init';

describe('planFieldInit', () => {
  it.each([
    ['0', { kind: 'value', text: '0' }],
    ['-1.5', { kind: 'value', text: '-1.5' }],
    ["'idle'", { kind: 'value', text: "'idle'" }],
    ['false', { kind: 'value', text: 'false' }],
    ['null', { kind: 'value', text: 'null' }],
    ['Number.NEGATIVE_INFINITY', { kind: 'value', text: 'Number.NEGATIVE_INFINITY' }],
    ['options.max ?? 3', { kind: 'value', text: '3' }],
    ['[]', { kind: 'init', text: '[]' }],
    ['{ left: 0, right: 0 }', { kind: 'init', text: '{ left: 0, right: 0 }' }],
    ['new Float64Array(3)', { kind: 'init', text: 'new Float64Array(3)' }],
    ['Math.max(this.gain, 1)', { kind: 'init', text: 'Math.max(old.k, 1)' }],
    ['[] as Pose[]', { kind: 'init', text: '[] as Pose[]' }],
  ])('plans %s as %j', (initialiser, plan) => {
    expect(planFieldInit(initialiser, new Map([['k', 'gain']]))).toEqual(plan);
  });

  it.each([
    ['options.max', "uses 'options'"],
    ['this.helper()', "uses 'this.helper'"],
    ['LIMIT * 2', "uses 'LIMIT'"],
    ['createMotorCommands(2)', "uses 'createMotorCommands'"],
    ['this', "uses 'this'"],
  ])('plans %s as a stub: it %s', (initialiser, why) => {
    expect(planFieldInit(initialiser, new Map())).toEqual({ kind: 'stub', why: `its initialiser (${initialiser}) ${why}, which a migration does not have` });
  });

  it('gives undefined to a field without initialiser whose type allows it, and a stub otherwise', () => {
    expect(planFieldInit(undefined, new Map(), 'number|undefined')).toEqual({ kind: 'value', text: 'undefined' });
    expect(planFieldInit(undefined, new Map(), 'number')).toEqual({ kind: 'stub', why: 'it has no initialiser' });
  });
});
