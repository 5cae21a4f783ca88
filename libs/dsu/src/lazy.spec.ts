import { LiveSystem } from './live-system';
import { asV2, pidWorld } from './testing/pid-fixtures';

function lazyRobot() {
  const world = pidWorld();
  const pids = [new world.Pid(1), new world.Pid(2)];
  const root = { pids, byName: new Map([['a', pids[0]]]) };
  const live = new LiveSystem(world.namespace, root);
  const committed = live.update(world.patch, { policy: 'lazy' });
  return { ...world, pids, root, live, committed };
}

describe('lazy migration', () => {
  it('commits without touching any instance; the first use migrates the same object in place', () => {
    const { pids, Pid, PidV2, committed } = lazyRobot();
    expect(committed.migratedInPlace).toBe(0);
    expect(Object.keys(pids[0] as object)).toEqual([...Pid.fields]);
    expect(pids[0]).toBeInstanceOf(PidV2);
    expect(asV2(pids[0]).step(1)).toBeCloseTo(1 + 0.5 + 0.1);
    expect(Object.getPrototypeOf(pids[0])).toBe(PidV2.prototype);
    expect(Object.keys(pids[0] as object)).toEqual([...PidV2.fields]);
    expect(committed.migratedInPlace).toBe(1);
  });

  it('reading or writing a new field migrates first, so no code sees a half-updated object', () => {
    const { pids, committed } = lazyRobot();
    expect(asV2(pids[0]).gain).toBe(0.5);
    asV2(pids[1]).bias = 3;
    expect(asV2(pids[1]).bias).toBe(3);
    expect(asV2(pids[1]).gain).toBe(0.5);
    expect(committed.migratedInPlace).toBe(2);
  });

  it('an old instance constructed after commit is migrated on first use too', () => {
    const { Pid, PidV2 } = lazyRobot();
    const late = new Pid(4);
    expect(asV2(late).gain).toBe(0.5);
    expect(Object.getPrototypeOf(late)).toBe(PidV2.prototype);
  });

  it('settle() migrates every reachable instance at once, and rollback undoes migrated ones', () => {
    const { pids, Pid, committed, live, root } = lazyRobot();
    asV2(pids[0]).step(2);
    expect(committed.settle()).toBe(1);
    expect(committed.migratedInPlace).toBe(2);
    committed.rollback();
    expect(root.pids).toBe(pids);
    expect(pids.every((pid) => Object.getPrototypeOf(pid) === Pid.prototype)).toBe(true);
    expect(Object.keys(pids[0] as object)).toEqual([...Pid.fields]);
    expect((pids[0] as InstanceType<typeof Pid>).integral).toBe(0);
    expect(Object.getOwnPropertyNames(Pid.prototype)).toEqual(['constructor', 'step']);
    expect(live.namespace.version).toBe('1');
  });

  it('a second update settles the first before preparing', () => {
    const { pids, live, PidV2 } = lazyRobot();
    class PidV3 {
      static readonly fields = PidV2.fields;
      static readonly staticFields = PidV2.staticFields;
      static created = 0;
      step(error: number): number {
        return -error;
      }
    }
    live.update({ from: '2', to: '3', classes: { Pid: { kind: 'replace', code: PidV3 } } }, { policy: 'lazy' });
    expect(Object.getPrototypeOf(pids[1])).toBe(PidV2.prototype);
    expect(asV2(pids[1]).step(1)).toBe(-1);
    expect(Object.getPrototypeOf(pids[1])).toBe(PidV3.prototype);
    expect(asV2(pids[1]).gain).toBe(0.5);
  });
});

describe('settling lazy migrations in slices', () => {
  it('migrates at most the budget per call, instances found at prepare first', () => {
    const { pids, committed, live, Pid } = lazyRobot();
    const late = new Pid(9);
    (live.root as { late?: object }).late = late;
    expect(committed.settle(1)).toBe(1);
    expect(Object.keys(pids[0] as object)).toContain('gain');
    expect(Object.keys(pids[1] as object)).toContain('ki');
    expect(committed.settle(5)).toBe(2);
    expect(Object.keys(late)).toContain('gain');
    expect(committed.settle()).toBe(0);
  });
});
