import { ValidationError } from './errors';
import { LiveSystem } from './live-system';
import { Namespace } from './namespace';
import { pidWorld } from './testing/pid-fixtures';

function failure(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('LiveSystem#validate', () => {
  it('names an instance missing a declared field', () => {
    const { Pid, namespace } = pidWorld();
    const pid = new Pid();
    delete (pid as Partial<InstanceType<typeof Pid>>).limit;
    const error = failure(() => new LiveSystem(namespace, { control: { pid } }).validate());
    expect([error.path, error.rule]).toEqual(['root.control.pid.limit', 'declared-field']);
  });

  it('names a function left in the state, unless allowed', () => {
    const { Pid, namespace } = pidWorld();
    const live = new LiveSystem(namespace, { pids: [new Pid()], spare: { onFault: () => 0 } });
    const error = failure(() => live.validate());
    expect([error.path, error.rule]).toEqual(['root.spare.onFault', 'old-function']);
    expect(() => live.validate({ allowFunction: () => true })).not.toThrow();
  });

  it('names an instance of a class of an earlier version that is not running', () => {
    const { namespace } = pidWorld();
    class Legacy {
      static readonly fields = [];
    }
    const error = failure(() => new LiveSystem(namespace, { parts: [new Legacy()] }).validate({ previous: [Namespace.of('0', { Legacy })] }));
    expect([error.path, error.rule]).toEqual(['root.parts[0]', 'new-namespace']);
    expect(error.message).toBe("LiveSystem#validate failed: root.parts[0]: an instance of class 'Legacy' of version '0' is still in the state (rule new-namespace)");
  });

  it('heals an old instance the migration never saw: settling migrates it in place first', () => {
    const { namespace, patch, Pid, PidV2 } = pidWorld();
    const live = new LiveSystem(namespace, { pids: [] as object[] });
    live.update(patch);
    const late = new Pid(3);
    live.root.pids.push(late);
    live.validate();
    expect(Object.getPrototypeOf(late)).toBe(PidV2.prototype);
  });
});
