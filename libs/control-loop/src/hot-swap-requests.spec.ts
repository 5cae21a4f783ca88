import { LiveSystem, Namespace, type PatchStep } from '@tickswap/dsu';
import { VirtualTimeScheduler } from 'rxjs';
import { hotSwapRig } from '../test/hot-swap-rig';
import { idlePhases } from '../test/virtual-loop';
import { HotSwap } from './hot-swap';
import { LoopConfigError } from './loop-config-error';
import { LoopUsageError } from './loop-usage-error';
import { TickLoop } from './tick-loop';
import { SwapEvent } from './tick-record';

const closed = { gate: () => ({ open: () => false, waitingFor: 'the planner to be idle' }) };

/** The rig's namespace and objects are untouched: version 1 runs the very instances it started with. */
function expectNothingChanged(rig: ReturnType<typeof hotSwapRig>, before: readonly object[]): void {
  expect(rig.live.namespace.version).toBe('1');
  expect(rig.live.root.pids.every((pid, index) => pid === before[index] && pid instanceof rig.versions.Pid)).toBe(true);
  expect(rig.loop.records.window(0, Infinity).filter((r) => r.swap !== SwapEvent.None)).toEqual([]);
}

async function runRig(rig: ReturnType<typeof hotSwapRig>, outcome: Promise<unknown>) {
  const before = [...rig.live.root.pids];
  rig.loop.start();
  rig.scheduler.flush();
  return { entry: (await outcome) as Awaited<ReturnType<HotSwap['request']>>, before };
}

describe('HotSwap requests that do not commit (virtual time)', () => {
  it('abandons an update no boundary could take within the deadline (2 s), with nothing changed', async () => {
    const rig = hotSwapRig({ swap: closed, stopAt: 2100 });
    const { entry, before } = await runRig(rig, rig.requestAt(0.5));
    expect(entry).toMatchObject({ event: 'abandoned', version: '1', tick: undefined, at: 2002 });
    expect(entry.reason).toBe("HotSwap: update '1->2' abandoned: no usable boundary within 2000 ms: it waited for the planner to be idle; nothing changed");
    expectNothingChanged(rig, before);
  });

  it('abandons an update whose preparation finds no slack between ticks', async () => {
    const rig = hotSwapRig({ swap: { deadlineMs: 50 }, update: () => void (rig.scheduler.frame += 0.9), stopAt: 80 });
    const { entry, before } = await runRig(rig, rig.requestAt(0.5));
    expect(entry.reason).toBe(
      "HotSwap: update '1->2' abandoned: its preparation did not finish within 50 ms (0 slices between ticks, 0.0 ms of work); the ticks leave too little slack; nothing changed",
    );
    expectNothingChanged(rig, before);
  });

  it.each([
    ['for another version', (p: PatchStep) => ({ ...p, from: '7' }), /^LiveSystem#prepareInSlices failed: .*'7'.*'1'/],
    ['naming an unknown class', (p: PatchStep) => ({ ...p, classes: { Nope: { kind: 'remove' } } }) as PatchStep, /Nope/],
    ['producing a version that is not a number', (p: PatchStep) => ({ ...p, to: 'two' }), /^HotSwap#request failed: the loop records versions as numbers, and version 'two' is not one/],
  ])('refuses a patch %s, with nothing changed', async (_what, edit, message) => {
    const rig = hotSwapRig({ stopAt: 20 });
    const { entry, before } = await runRig(rig, rig.requestAt(0.5, edit(rig.versions.patch)));
    expect(entry.event).toBe('refused');
    expect(entry.reason).toMatch(message);
    expectNothingChanged(rig, before);
  });

  it('reports a commit that fails at the boundary (a validation the state no longer passes), with nothing changed', async () => {
    let open = false;
    const rig = hotSwapRig({ swap: { gate: () => ({ open: () => open, waitingFor: 'test' }) }, update: (t) => void (open = t.index === 10) });
    const patch: PatchStep = { ...rig.versions.patch, validations: { Pid: (pid) => ((pid as { integralSum: number }).integralSum > 0.008 ? 'integralSum above 0.008' : undefined) } };
    const { entry, before } = await runRig(rig, rig.requestAt(2.5, patch));
    expect(entry).toMatchObject({ event: 'failed', tick: 10, version: '1' });
    expect(entry.reason).toMatch(/^PreparedUpdate#commit failed at the boundary of tick 10: .*integralSum above 0\.008.*; nothing changed$/);
    expectNothingChanged(rig, before);
  });

  it('runs queued updates one after the other, each against the version then running', async () => {
    const rig = hotSwapRig({ stopAt: 80 });
    const first = rig.requestAt(0.5);
    const second = rig.requestAt(0.6);
    rig.loop.start();
    rig.scheduler.flush();
    expect((await first).event).toBe('kept');
    const refused = await second;
    expect(refused).toMatchObject({ event: 'refused', version: '2' });
    expect(refused.reason).toMatch(/'1'.*'2'/);
    expect(rig.swap.log.entries.map((e) => e.event)).toEqual(['committed', 'kept', 'refused']);
  });

  it('abandons what the loop stopping leaves undone, and keeps a watched update', async () => {
    const preparing = hotSwapRig({ swap: closed, stopAt: 10 });
    expect((await runRig(preparing, preparing.requestAt(0.5))).entry).toMatchObject({ event: 'abandoned', reason: 'the loop stopped before it could commit; nothing changed' });
    const watched = hotSwapRig({ stopAt: 10 });
    const queued = watched.requestAt(0.6);
    expect((await runRig(watched, watched.requestAt(0.5))).entry).toMatchObject({ event: 'kept', reason: 'the loop stopped after 8 watched ticks without a failure' });
    expect(await queued).toMatchObject({ event: 'abandoned', reason: 'the loop stopped before its turn; nothing changed' });
    expect(await watched.swap.request(watched.versions.patch)).toMatchObject({ event: 'abandoned', reason: 'the loop is stopped; nothing changed' });
  });
});

describe('HotSwap misuse', () => {
  const live = () => new LiveSystem(Namespace.of('3', {}), {});
  const loop = (version: number) => new TickLoop(idlePhases(), { scheduler: new VirtualTimeScheduler(), version });

  it('refuses a request before it is attached, a second attach, and a loop running another version', () => {
    const swap = new HotSwap(live());
    expect(() => swap.request({ from: '3', to: '4' })).toThrow(LoopUsageError);
    expect(() => swap.request({ from: '3', to: '4' })).toThrow('HotSwap#request failed: not attached to a loop; call attach(loop) first');
    expect(() => swap.attach(loop(0))).toThrow(new LoopConfigError("HotSwap#attach failed: the loop runs version 0 but the namespace is version '3'; give the loop { version: 3 }"));
    swap.attach(loop(3));
    expect(() => swap.attach(loop(3))).toThrow('HotSwap#attach failed: already attached to a loop; a HotSwap serves one loop');
    expect(() => new HotSwap(new LiveSystem(Namespace.of('v3', {}), {})).attach(loop(3))).toThrow(/^HotSwap#attach failed: the loop records versions as numbers, and version 'v3' is not one/);
  });

  it.each([
    [{ deadlineMs: 0 }, 'deadlineMs must be a positive number of ms, got 0'],
    [{ watchTicks: 1.5 }, 'watchTicks must be an integer >= 0, got 1.5'],
    [{ maxMissedTicks: Number.NaN }, 'maxMissedTicks must be a number >= 0, got NaN'],
    [{ maxSliceMs: -1 }, 'maxSliceMs must be a positive number of ms, got -1'],
    [{ guardMs: -0.1 }, 'guardMs must be a number of ms >= 0, got -0.1'],
    [{ warmUpRounds: 0.5 }, 'warmUpRounds must be an integer >= 0, got 0.5'],
  ])('refuses options %p', (options, message) => {
    expect(() => new HotSwap(live(), options)).toThrow(new LoopConfigError(`HotSwap#constructor failed: ${message}`));
  });
});
