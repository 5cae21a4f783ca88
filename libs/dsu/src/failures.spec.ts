import { MigrationError, PatchVersionError, UpdateStateError, ValidationError } from './errors';
import { LiveSystem } from './live-system';
import type { PatchStep, ReplaceClass } from './patch';
import { asV2, pidWorld } from './testing/pid-fixtures';
import { POLICIES } from './testing/run-update';
import { toSnapshot } from './to-snapshot';

function robot() {
  const world = pidWorld();
  const pids = [new world.Pid(1), new world.Pid(2), new world.Pid(3)];
  const root: { wheels: { pid: object }[]; extra?: unknown } = { wheels: pids.map((pid) => ({ pid })) };
  const live = new LiveSystem(world.namespace, root);
  const image = () => JSON.stringify(toSnapshot(root, world.namespace));
  const before = image();
  const untouched = () => {
    expect(live.namespace).toBe(world.namespace);
    expect(root.wheels.map((wheel) => wheel.pid)).toEqual(pids);
    root.wheels.forEach((wheel, index) => expect(wheel.pid).toBe(pids[index]));
    expect(Object.getOwnPropertyNames(world.Pid.prototype)).toEqual(['constructor', 'step']);
    expect(image()).toBe(before);
  };
  return { ...world, pids, root, live, untouched };
}

function withPid(patch: PatchStep, extra: Partial<ReplaceClass>): PatchStep {
  const change = patch.classes?.['Pid'];
  if (change?.kind !== 'replace') throw new Error('fixture');
  return { ...patch, classes: { Pid: { ...change, ...extra } } };
}

describe('failures leave the running state untouched', () => {
  it('a migration that throws half-way through prepare', () => {
    const { patch, live, untouched } = robot();
    const failing = withPid(patch, {
      migrate: (old) => {
        if (old['kp'] === 2) throw new Error('cannot migrate kp 2');
      },
    });
    expect(() => live.prepare(failing)).toThrow(MigrationError);
    expect(() => live.prepare(failing)).toThrow(/LiveSystem#prepare failed: the migration of class 'Pid' at root.wheels\[1\].pid threw: Error: cannot migrate kp 2/);
    untouched();
  });

  it('a migration that throws at commit on state changed since prepare; the update can be retried', () => {
    const { patch, live, pids } = robot();
    const update = live.prepare(
      withPid(patch, {
        migrate: (old) => {
          if ((old['integral'] as number) > 100) throw new Error('integral wound up');
        },
      }),
    );
    (pids[2] as { step(error: number): number }).step(500);
    const image = JSON.stringify(toSnapshot(live.root, live.namespace));
    expect(() => update.commit()).toThrow(/PreparedUpdate#commit failed: the migration of class 'Pid' at root.wheels\[2\].pid threw/);
    expect(JSON.stringify(toSnapshot(live.root, live.namespace))).toBe(image);
    expect(live.namespace.version).toBe('1');
    (pids[2] as { integral: number }).integral = 0;
    update.commit();
    expect(asV2(live.root.wheels[2]?.pid).integral).toBe(0);
  });

  it('an application validation that fails names the instance path and the rule', () => {
    const { patch, live, untouched } = robot();
    const checked: PatchStep = { ...patch, validations: { Pid: (pid) => (asV2(pid).kp > 2 ? 'kp must stay at most 2' : undefined) } };
    const error = (() => {
      try {
        live.prepare(checked);
      } catch (thrown) {
        return thrown as ValidationError;
      }
      throw new Error('expected a failure');
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect([error.path, error.rule]).toEqual(['root.wheels[2].pid', 'application']);
    expect(error.message).toBe('LiveSystem#prepare failed: root.wheels[2].pid: application validation: kp must stay at most 2');
    untouched();
  });

  it('system validations: NaN born of a finite number, a function left in the state', () => {
    const { patch, live, root, untouched } = robot();
    const nan = withPid(patch, { transform: { integral: () => Number.NaN } });
    expect(() => live.prepare(nan)).toThrow('LiveSystem#prepare failed: root.wheels[0].pid.integral: a finite number became NaN and the patch does not allow it');
    const allowed = withPid(nan, { allowNaN: ['integral'] });
    expect(() => live.prepare(allowed)).not.toThrow();
    root.extra = { callback: () => 1 };
    expect(() => live.prepare(patch)).toThrow(/root.extra.callback: a function is left in the state \(rule old-function/);
    expect(() => live.prepare(patch, { allowFunction: () => true })).not.toThrow();
    delete root.extra;
    untouched();
  });

  it('a patch for the wrong version, a stale or repeated commit, a rollback out of order', () => {
    const { patch, live, untouched } = robot();
    expect(() => live.prepare({ ...patch, from: '7' })).toThrow(PatchVersionError);
    untouched();
    const first = live.prepare(patch);
    const second = live.prepare(patch);
    const committed = first.commit();
    expect(() => first.commit()).toThrow(UpdateStateError);
    expect(() => second.commit()).toThrow("PreparedUpdate#commit failed: version '2' is running, not '1' this update was prepared against; prepare it again");
    committed.rollback();
    expect(() => committed.rollback()).toThrow(UpdateStateError);
    untouched();
  });
});

describe.each(POLICIES)('a failure after commit, policy %s', (policy) => {
  it('can be rolled back to the previous state', () => {
    const { patch, live, untouched } = robot();
    const committed = live.update({ ...patch, validations: { Pid: (pid) => (asV2(pid).integral > 50 ? 'integral too large' : undefined) } }, { policy });
    asV2(live.root.wheels[0]?.pid).step(10);
    expect(live.updates).toEqual([committed]);
    committed.rollback();
    expect(live.updates).toEqual([]);
    untouched();
  });
});
