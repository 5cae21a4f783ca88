import { LiveSystem } from './live-system';
import type { PatchStep, ReplaceClass } from './patch';
import { asV2, pidWorld } from './testing/pid-fixtures';

function robot(count = 3) {
  const world = pidWorld();
  const root = { pids: Array.from({ length: count }, (_, index) => new world.Pid(index + 1)) as object[] };
  return { ...world, root, live: new LiveSystem(world.namespace, root) };
}

function counting(patch: PatchStep): { patch: PatchStep; calls: () => number } {
  let calls = 0;
  const change = patch.classes?.['Pid'] as ReplaceClass;
  const migrate = () => void calls++;
  return { patch: { ...patch, classes: { Pid: { ...change, migrate } } }, calls: () => calls };
}

describe('state mutated between prepare and commit', () => {
  it('is what the new version sees after commit, and only changed instances are migrated again', () => {
    const { root, live, patch } = robot(5);
    const counted = counting(patch);
    const update = live.prepare(counted.patch);
    expect(counted.calls()).toBe(5);
    (root.pids[1] as { step(error: number): number }).step(3);
    (root.pids[3] as { ki: number }).ki = 9;
    update.commit();
    expect(counted.calls()).toBe(7);
    expect(asV2(root.pids[1]).integral).toBe(3);
    expect(asV2(root.pids[3]).gain).toBe(9);
  });

  it('eager migrates every instance again at commit', () => {
    const { live, patch } = robot(4);
    const counted = counting(patch);
    live.prepare(counted.patch, { policy: 'eager' }).commit();
    expect(counted.calls()).toBe(8);
  });

  it('refresh() sees instances added, moved and dropped since prepare', () => {
    const { root, live, patch, Pid, PidV2 } = robot(2);
    const update = live.prepare(patch);
    const added = new Pid(7);
    const moved = root.pids[0] as object;
    root.pids = [root.pids[1] as object, added];
    const holder = { moved };
    (root as { holder?: object }).holder = holder;
    expect(update.refresh()).toBe(3);
    update.commit();
    expect(root.pids.every((pid) => pid instanceof PidV2)).toBe(true);
    expect(holder.moved).toBeInstanceOf(PidV2);
    expect(asV2(root.pids[1]).kp).toBe(7);
  });

  it('without refresh, an instance added after prepare is migrated in place on first use', () => {
    const { root, live, patch, Pid, PidV2 } = robot(1);
    const update = live.prepare(patch);
    const added = new Pid(7);
    root.pids.push(added);
    const committed = update.commit();
    expect(root.pids[1]).toBe(added);
    expect(asV2(added).step(1)).toBeCloseTo(7 + 0.5 + 0.1);
    expect(added).toBeInstanceOf(PidV2);
    expect(Object.keys(added)).toEqual([...PidV2.fields]);
    expect(committed.migratedInPlace).toBe(1);
    live.validate();
  });

  it('a reference the walk could not see forwards method calls to the new object', () => {
    const { root, live, patch } = robot(1);
    const hidden = root.pids[0] as object;
    const captured = () => asV2(hidden).step(2);
    live.update(patch);
    expect(root.pids[0]).not.toBe(hidden);
    captured();
    expect(asV2(root.pids[0]).integral).toBe(2);
  });
});

describe('releasing committed updates', () => {
  it('forbids their rollback, keeps forwarding stale references, and keeps settling', () => {
    const { root, live, patch, Pid } = robot(1);
    const hidden = root.pids[0] as object;
    const committed = live.update(patch);
    live.release();
    expect(() => committed.rollback()).toThrow('CommittedUpdate#rollback failed: the update is released');
    expect(asV2(hidden).step(2)).toBeCloseTo(1 * 2 + 0.5 * 2 + 0.1 * 2);
    expect(asV2(root.pids[0]).integral).toBe(2);
    const late = new Pid(5);
    root.pids.push(late);
    expect(live.settle()).toBe(1);
    expect(asV2(late).gain).toBe(0.5);
  });

  it('keeps the latest updates when asked', () => {
    const { live, patch } = robot(1);
    const committed = live.update(patch);
    live.release(1);
    committed.rollback();
    expect(live.namespace.version).toBe('1');
  });
});
