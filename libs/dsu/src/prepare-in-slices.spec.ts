import { MigrationError, UpdateStateError } from './errors';
import { LiveSystem } from './live-system';
import type { PatchStep, ReplaceClass } from './patch';
import { asV2, pidWorld } from './testing/pid-fixtures';
import { toSnapshot } from './to-snapshot';

/** A robot with `count` PIDs behind an early list (walked first) and a wheel. */
function robot(count: number) {
  const world = pidWorld();
  const pids = Array.from({ length: count }, (_, index) => new world.Pid(index + 1)) as object[];
  const root = { early: [new world.Pid(99)] as object[], pids, wheel: new world.Wheel('left', new world.Pid(7)) };
  return { ...world, root, live: new LiveSystem(world.namespace, root) };
}

/** One step per call of `advance`: the smallest slices there are. */
function oneStepAtATime(): () => boolean {
  let asked = 0;
  return () => asked++ % 2 === 1;
}

/** Advances `update` one step per call until it is done; returns how many calls it took. */
function advanceToEnd(update: ReturnType<LiveSystem['prepareInSlices']>, between: (slice: number) => void = () => undefined): number {
  const shouldYield = oneStepAtATime();
  let slices = 0;
  while (!update.advance(shouldYield)) between(++slices);
  return slices + 1;
}

describe('LiveSystem#prepareInSlices', () => {
  it('builds in many small slices the update prepare builds at once', () => {
    const once = robot(2000);
    once.live.prepare(once.patch).commit();
    const sliced = robot(2000);
    const update = sliced.live.prepareInSlices(sliced.patch);
    expect(update.instances).toBe(0); // nothing is done until advance
    expect(advanceToEnd(update)).toBeGreaterThan(10);
    expect(update.instances).toBe(2002);
    update.commit();
    expect(toSnapshot(sliced.root, sliced.live.namespace)).toEqual(toSnapshot(once.root, once.live.namespace));
  });

  it('commits what the state became between slices, and migrates on first use an instance the walk did not see', () => {
    const { root, live, patch, Pid, PidV2 } = robot(2000);
    const update = live.prepareInSlices(patch);
    const late = new Pid(5);
    advanceToEnd(update, () => {
      (root.pids[0] as { step(error: number): number }).step(1); // migrated in an early slice, changed after
      // Breadth first, the early list is walked before the PIDs: once some PIDs are found, it will not be walked again.
      if (update.instances > 100 && root.early.length === 1) root.early.push(late);
    });
    update.commit();
    expect(asV2(root.pids[0]).integral).toBeGreaterThan(10);
    expect(root.pids[0]).toBeInstanceOf(PidV2);
    expect(root.early[1]).toBe(late);
    expect(asV2(late).step(2)).toBe(5 * 2 + 0.5 * 2 + 0.1 * 2); // migrated in place on this first use
    expect(asV2(late).gain).toBe(0.5);
  });

  it('refuses to commit or refresh before advance has returned true', () => {
    const { live, patch } = robot(3);
    const update = live.prepareInSlices(patch);
    const message = 'PreparedUpdate#commit failed: the update is prepared in slices and not finished; call advance() until it returns true';
    expect(() => update.commit()).toThrow(new UpdateStateError(message));
    expect(() => update.refresh()).toThrow(UpdateStateError);
    expect(update.advance(() => false)).toBe(true);
    expect(update.advance(() => true)).toBe(true);
    expect(() => update.commit()).not.toThrow();
  });

  it('dies with the error of a failed slice and leaves the running state untouched', () => {
    const { root, live, patch, Pid } = robot(1000);
    const change = patch.classes?.['Pid'] as ReplaceClass;
    let calls = 0;
    const failing: PatchStep = {
      ...patch,
      classes: {
        Pid: {
          ...change,
          migrate: () => {
            if (++calls === 600) throw new Error('no gain for this one');
          },
        },
      },
    };
    const update = live.prepareInSlices(failing);
    expect(() => advanceToEnd(update)).toThrow(MigrationError);
    expect(() => update.advance(() => false)).toThrow(MigrationError);
    expect(() => update.commit()).toThrow(/^PreparedUpdate#commit failed: its preparation failed \(LiveSystem#prepareInSlices failed: .*no gain for this one.*\); prepare a new one$/);
    expect(live.namespace.version).toBe('1');
    expect(root.pids.every((pid) => pid instanceof Pid)).toBe(true);
  });

  it('settles the lazy migrations an earlier update left in its first slices', () => {
    const { root, live, patch, PidV2 } = robot(1000);
    live.prepare(patch, { policy: 'lazy' }).commit();
    class PidV3 {
      static readonly fields = PidV2.fields;
      static readonly staticFields = ['created'] as const;
      static created = 0;
      step(): number {
        return 3;
      }
    }
    const update = live.prepareInSlices({ from: '2', to: '3', classes: { Pid: { kind: 'replace', code: PidV3 } } });
    advanceToEnd(update);
    update.commit();
    expect(root.pids.every((pid) => pid instanceof PidV3 && asV2(pid).gain === 0.5 && asV2(pid).bias === 0)).toBe(true);
    expect(root.wheel.pid).toBeInstanceOf(PidV3);
  });
});
