import { declaredChecks } from './declared-checks';

const declared = (checks: unknown) => () => declaredChecks({ from: '0', to: '1', gate: { checks } });

describe('declaredChecks', () => {
  it('gives the checks of a well-formed gate field, and none without one', () => {
    const checks = [
      { kind: 'near-square', toleranceM: 0.2, sideM: 1 },
      { kind: 'settles', signal: 'command-divergence', tolerance: 0.5, withinS: 1.5 },
      { kind: 'bound', signal: 'pose-divergence', max: 0.05, name: 'close' },
      { kind: 'predicate', name: 'mine', test: () => undefined },
    ];
    expect(declared(checks)()).toBe(checks);
    expect(declaredChecks({ from: '0', to: '1' })).toEqual([]);
  });

  it.each([
    [[{ kind: 'faster' }], "gate.checks[0]: 'kind' must be near-square, settles, bound or predicate, got \"faster\""],
    [[{ kind: 'near-square', toleranceM: -1 }], "gate.checks[0]: 'toleranceM' must be a number of metres >= 0"],
    [[{ kind: 'near-square', toleranceM: 0.1 }, { kind: 'bound', signal: 'speed', max: 1 }], "gate.checks[1]: 'signal' must be one of path-error, pose-divergence, heading-divergence, command-divergence, got \"speed\""],
    [[{ kind: 'settles', signal: 'pose-divergence', tolerance: 0.1 }], "gate.checks[0]: 'withinS' must be a number of seconds >= 0"],
    [[{ kind: 'predicate', name: 'mine' }], "gate.checks[0]: 'test' must be a function of the simulated runs"],
    [[{ kind: 'bound', signal: 'pose-divergence', max: 1, sideM: 0 }], "gate.checks[0]: 'sideM' must be a positive number of metres"],
    [[null], 'gate.checks[0]: must be an object'],
    [{ kind: 'near-square' }, "the patch's 'gate' must be { checks: [...] }"],
  ])('refuses %j, naming the entry and the field', (checks, message) => {
    expect(declared(checks)).toThrow(message);
  });
});
