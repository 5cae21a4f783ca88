import { LiveSystem } from './live-system';
import { asV2, pidWorld } from './testing/pid-fixtures';
import type { Policy } from './update-host';

const policies: Policy[] = ['eager', 'prepared', 'lazy'];

function robot() {
  const world = pidWorld();
  const shared = new world.Pid(2);
  const wheels = [new world.Wheel('left', shared), new world.Wheel('right', new world.Pid(3))];
  const root = { wheels, byName: new Map(wheels.map((wheel) => [wheel.name, wheel.pid])), shared };
  return { ...world, root, live: new LiveSystem(world.namespace, root) };
}

describe.each(policies)('LiveSystem with policy %s', (policy) => {
  it('migrates every instance and every reference sees the new version', () => {
    const { root, live, Pid, PidV2, patch } = robot();
    root.shared.step(1);
    const update = live.prepare(patch, { policy });
    expect(update.instances).toBe(2);
    expect(root.wheels[0]?.pid).toBeInstanceOf(Pid);
    update.commit();
    const left = asV2(live.root.wheels[0]?.pid);
    expect(left).toBeInstanceOf(PidV2);
    expect(left.step(0)).toBeCloseTo(0.5 * 1 + 0.1 * -1);
    expect(live.root.byName.get('left')).toBe(left);
    expect(live.root.shared).toBe(left);
    expect([left.gain, left.bias]).toEqual([0.5, 0]);
    live.validate();
    expect(Object.keys(live.root.wheels[1]?.pid ?? {})).toEqual([...PidV2.fields]);
  });

  it('uses the state as of the boundary, not as of prepare', () => {
    const { root, live, patch } = robot();
    const update = live.prepare(patch, { policy });
    root.shared.step(4);
    update.commit();
    expect(asV2(live.root.shared).integral).toBe(4);
    expect(asV2(live.root.wheels[0]?.pid).previous).toBe(4);
  });

  it('rolls back to the very same objects, as they were at commit', () => {
    const { root, live, Pid, patch } = robot();
    const before = root.wheels.map((wheel) => wheel.pid);
    const namespace = live.namespace;
    const committed = live.update(patch, { policy });
    asV2(live.root.wheels[0]?.pid).step(1);
    committed.rollback();
    expect(live.namespace).toBe(namespace);
    expect(root.wheels.map((wheel) => wheel.pid)).toEqual(before);
    expect(root.wheels[0]?.pid).toBe(before[0]);
    expect(root.byName.get('left')).toBe(before[0]);
    const pid = root.wheels[0]?.pid as InstanceType<typeof Pid>;
    expect(pid).toBeInstanceOf(Pid);
    expect(Object.keys(pid)).toEqual([...Pid.fields]);
    expect([pid.ki, pid.integral]).toEqual([0.5, 0]);
    expect(pid.step(0)).toBeCloseTo(0);
  });
});
