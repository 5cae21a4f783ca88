import type { PatchStep } from '@tickswap/dsu';
import { hotSwapRig, LIMIT, type Fault } from '../test/hot-swap-rig';
import { SwapEvent, type TickRecord } from './tick-record';

const records = (rig: ReturnType<typeof hotSwapRig>): TickRecord[] => rig.loop.records.window(0, Infinity);
const swaps = (rig: ReturnType<typeof hotSwapRig>) => records(rig).filter((r) => r.swap !== SwapEvent.None).map((r) => [r.index, r.swap]);
const integrals = (rig: ReturnType<typeof hotSwapRig>) => rig.live.root.pids.map((pid) => (pid as unknown as { integral: number }).integral);

/** Collects what `read` returns right after the tick `index` (its boundary included). */
function after<T>(rig: ReturnType<typeof hotSwapRig>, index: number, read: () => T[]): T[] {
  const values: T[] = [];
  rig.loop.ticks$.subscribe((r) => r.index === index && values.push(...read()));
  return values;
}

/** Runs the rig with a faulty version 2 requested after tick 5 (committed at the boundary of tick 7). */
async function faulty(fault: Fault, patch?: (rig: ReturnType<typeof hotSwapRig>) => PatchStep) {
  const rig = hotSwapRig({ fault, stopAt: 30 });
  const outcome = rig.requestAt(5.5, patch?.(rig) ?? rig.versions.patch);
  rig.loop.start();
  rig.scheduler.flush();
  return { rig, entry: await outcome };
}

describe('HotSwap rollback of a watched update (virtual time)', () => {
  it.each([
    ['throw', 'a behaviour threw in tick 8 (1 ticks after the commit): PidV2#step: gain table missing'],
    ['nan', 'its outputs were NaN in tick 8 (1 ticks after the commit): rig update failed in tick 8: an output is NaN'],
    ['out-of-limit', 'its outputs were out of limits in tick 8 (1 ticks after the commit): rig update failed in tick 8: output 1000000 beyond ±100'],
  ] as const)('rolls back at the boundary of the tick whose behaviour failed (%s); that tick writes nothing', async (fault, why) => {
    const { rig, entry } = await faulty(fault);
    expect(swaps(rig)).toEqual([
      [7, SwapEvent.Commit],
      [8, SwapEvent.Rollback],
    ]);
    expect(records(rig).map((r) => r.version)).toEqual([...Array(8).fill(1), 2, ...Array(22).fill(1)]);
    expect(rig.seen[8]?.written).toBeUndefined(); // the faulty tick's outputs never reach the motors: they hold tick 7's
    for (const tick of rig.seen.filter((t) => t.index !== 8)) {
      expect(tick.written?.every((value) => Number.isFinite(value) && Math.abs(value) <= LIMIT)).toBe(true);
    }
    expect(entry).toMatchObject({ event: 'rolled-back', failure: fault, tick: 8, version: '1', reason: `${why}; rolled back to version 1` });
    expect(rig.swap.log.entries.map((e) => e.event)).toEqual(['committed', 'rolled-back']);
    expect(rig.live.namespace.version).toBe('1');
    expect(rig.live.root.pids.every((pid) => pid instanceof rig.versions.Pid && pid.version() === '1')).toBe(true);
  });

  it('rolls back after the watched ticks miss more deadlines than allowed, carrying their state back by the inverse', async () => {
    const rig = hotSwapRig({ fault: 'slow', stopAt: 30 });
    const sums = after(rig, 9, () => rig.live.root.pids.map((pid) => (pid as unknown as { integralSum: number }).integralSum));
    const back = after(rig, 10, () => integrals(rig));
    const outcome = rig.requestAt(5.5);
    rig.loop.start();
    rig.scheduler.flush();
    const entry = await outcome;
    // Each tick of version 2 takes 4.5 ms: tick 8 misses 4 periods, tick 9 four more (8 > 5): rollback at the next boundary.
    expect(swaps(rig)).toEqual([
      [7, SwapEvent.Commit],
      [10, SwapEvent.Rollback],
    ]);
    expect(entry).toMatchObject({ event: 'rolled-back', failure: 'missed-deadlines', tick: 10 });
    expect(entry.reason).toBe('the new version missed 8 tick deadlines in its first 2 ticks (the 7 ticks before the commit missed 0; at most 5 allowed); rolled back to version 1');
    // The rollback itself took no time; the tick it ended (version 2, slow) skipped 4 periods.
    expect(entry.downtime).toEqual({ boundaryMs: 0, latenessMs: 0, missedTicks: 4 });
    // Tick 10 (version 2) added error * dt to what tick 9 left; the inverse carried the sums back as integrals.
    const [tick9, tick10] = rig.loop.records.window(9, 11) as [TickRecord, TickRecord];
    const dt = (tick10.actualStart - tick9.actualStart) / 1000;
    expect(back).toEqual(sums.map((sum) => sum + dt));
  });

  it('counts only the deadlines missed beyond what the loop missed before the commit', async () => {
    // A loaded machine: every third tick overruns into the next period, before and after the commit.
    const rig = hotSwapRig({ update: (t) => void (t.index % 3 === 0 && (rig.scheduler.frame += 1.5)), stopAt: 200, swap: { watchTicks: 60 } });
    const outcome = rig.requestAt(100.5);
    rig.loop.start();
    rig.scheduler.flush();
    expect(await outcome).toMatchObject({ event: 'kept', reason: '60 watched ticks without a failure' });
    const missed = rig.loop.records.window(0, Infinity).filter((r) => r.index > 110).reduce((sum, r) => sum + r.missed, 0);
    expect(missed).toBeGreaterThan(5); // more than maxMissedTicks: an absolute threshold would have rolled back
  });

  it('without an inverse, restores the very objects as they were at commit', async () => {
    const rig = hotSwapRig({ fault: 'slow', stopAt: 30 });
    const old = after(rig, 6, () => [...rig.live.root.pids]);
    const atCommit = after(rig, 7, () => old.map((pid) => (pid as unknown as { integral: number }).integral));
    const back = after(rig, 10, () => integrals(rig));
    const outcome = rig.requestAt(5.5, rig.versions.withoutInverse);
    rig.loop.start();
    rig.scheduler.flush();
    expect(await outcome).toMatchObject({ event: 'rolled-back', failure: 'missed-deadlines', tick: 10 });
    expect(rig.live.root.pids.every((pid, index) => pid === old[index])).toBe(true);
    expect(back).toEqual(atCommit); // what the three ticks of version 2 did is lost
  });

  it('reports a rollback that fails: the new version keeps running and the log says why', async () => {
    const { rig, entry } = await faulty('throw', ({ versions }) => ({
      ...versions.patch,
      inverse: { ...(versions.patch.inverse as PatchStep), classes: { Pid: { kind: 'replace', code: versions.Pid, rename: { integralSum: 'integral' }, remove: ['integralLimit'], migrate: () => { throw new Error('no way back'); } } } },
    }));
    expect(entry.event).toBe('rollback-failed');
    expect(entry.reason).toMatch(/^a behaviour threw in tick 8 .*; the rollback failed: .*no way back.*; version 2 keeps running$/);
    expect(swaps(rig)).toEqual([[7, SwapEvent.Commit]]);
    expect(rig.live.namespace.version).toBe('2');
    expect(records(rig).at(-1)?.version).toBe(2);
  });
});
