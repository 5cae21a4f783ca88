import { VirtualTimeScheduler } from 'rxjs';
import { hotSwapRig, type RigPid } from '../test/hot-swap-rig';
import { SwapEvent, type TickRecord } from './tick-record';

const records = (rig: ReturnType<typeof hotSwapRig>): TickRecord[] => rig.loop.records.window(0, Infinity);

describe('HotSwap commit at the tick boundary (virtual time)', () => {
  it('commits exactly at one boundary, after write and before the next read, and records it', async () => {
    const rig = hotSwapRig();
    const phases: string[] = [];
    const outcome = rig.requestAt(5.5);
    rig.loop.ticks$.subscribe((r) => r.swap === SwapEvent.Commit && phases.push(`boundary ${r.index}: ${rig.live.namespace.version}`));
    rig.loop.start();
    rig.scheduler.flush();
    const entry = await outcome;

    const swaps = records(rig).filter((r) => r.swap !== SwapEvent.None);
    expect(swaps.map((r) => [r.index, r.swap])).toEqual([[7, SwapEvent.Commit]]); // requested after tick 5, prepared after tick 6
    expect(phases).toEqual(['boundary 7: 2']);
    expect(records(rig).map((r) => r.version)).toEqual([...Array(8).fill(1), ...Array(53).fill(2)]);
    // Tick 7 wrote what version 1 computed; tick 8 read, computed and wrote with version 2.
    expect(rig.seen[7]?.used).toEqual(['1', '1', '1']);
    expect(rig.seen[8]?.used).toEqual(['2', '2', '2']);
    expect(entry).toMatchObject({ event: 'kept', id: '1->2', version: '2', tick: 7, reason: '20 watched ticks without a failure' });
    expect(rig.swap.log.entries.map((e) => e.event)).toEqual(['committed', 'kept']);
    expect(rig.swap.log.entries[0]).toMatchObject({
      event: 'committed',
      version: '2',
      tick: 7,
      policy: 'prepared',
      downtime: { boundaryMs: 0, latenessMs: 0, missedTicks: 0 },
      preparation: { elapsedMs: 1, slices: 1, instances: 3 },
    });
  });

  it('spreads the preparation over the slack of several ticks, and no tick waits for it', async () => {
    /** Virtual time in which every clock read costs a microsecond: work takes time, slices end. */
    const creeping = new VirtualTimeScheduler();
    const now = creeping.now;
    creeping.now = () => (creeping.frame += 0.001) && now();
    const rig = hotSwapRig({ instances: 2000, scheduler: creeping, swap: { maxSliceMs: 0.004 } });
    const outcome = rig.requestAt(5.5);
    rig.loop.start();
    rig.scheduler.flush();
    expect((await outcome).event).toBe('kept');
    const committed = rig.swap.log.entries[0];
    expect(committed?.preparation?.instances).toBe(2000);
    expect(committed?.preparation?.slices).toBeGreaterThan(3);
    expect(committed?.tick).toBe(5 + (committed?.preparation?.slices ?? 0) + 1); // one slice after each tick, then the commit
    expect(rig.loop.missedPeriods).toBe(0);
    for (const tick of rig.seen) expect(new Set(tick.used)).toEqual(new Set([String(tick.version)]));
  });

  it.each(['eager', 'prepared', 'lazy'] as const)('never lets a tick see a mix of versions (%s)', async (policy) => {
    const rig = hotSwapRig({ instances: 50 });
    const outcome = rig.requestAt(10.5, rig.versions.patch, policy);
    rig.loop.start();
    rig.scheduler.flush();
    expect((await outcome).event).toBe('kept');
    for (const tick of rig.seen) expect(new Set(tick.used)).toEqual(new Set([String(tick.version)]));
    expect(new Set(rig.seen.map((t) => t.version))).toEqual(new Set([1, 2]));
  });

  it('starts the new version from the state as of the boundary: what ticks changed while it waited is carried over', async () => {
    let gateOpen = false;
    const rig = hotSwapRig({ swap: { gate: () => ({ open: () => gateOpen, waitingFor: 'the test' }) }, update: (t) => void (gateOpen = t.index === 29) });
    const atPrepare: number[] = [];
    const atCommit: number[] = [];
    const integrals = () => rig.live.root.pids.map((pid) => (pid as unknown as { integral: number }).integral);
    rig.loop.ticks$.subscribe((r) => {
      if (r.index === 3) atPrepare.push(...integrals()); // the update is prepared in this slack
      if (r.index === 28) atCommit.push(...integrals()); // the old version's last change (tick 29 has not run yet)
    });
    const outcome = rig.requestAt(2.5);
    const startOfV2: number[] = [];
    rig.loop.ticks$.subscribe((r) => r.index === 29 && startOfV2.push(...rig.live.root.pids.map((pid) => (pid as unknown as { integralSum: number }).integralSum)));
    rig.loop.start();
    rig.scheduler.flush();
    expect((await outcome).event).toBe('kept');
    expect(rig.swap.log.entries[0]).toMatchObject({ event: 'committed', tick: 29 });
    // Each tick adds error * dt = 0.001 to every integral: 26 more ticks ran between preparation and the commit tick.
    expect(atCommit[0]).toBeCloseTo((atPrepare[0] as number) + 25 * 0.001, 12);
    // Tick 29 (version 1) added its own step before the boundary: version 2 starts from exactly that.
    expect(startOfV2).toEqual(atCommit.map((value) => value + 0.001));
    expect(rig.seen[30]?.used).toEqual(['2', '2', '2']);
  });

  it('keeps instance identity for the references it rewrites (prepared) and forwards stale ones to the new objects', async () => {
    const rig = hotSwapRig();
    const stale = rig.live.root.pids[0] as RigPid;
    const outcome = rig.requestAt(0.5);
    rig.loop.start();
    rig.scheduler.flush();
    await outcome;
    expect(rig.live.root.pids[0]).toBeInstanceOf(rig.versions.PidV2);
    expect(stale.version()).toBe('2');
  });
});
