import { LiveSystem, Namespace, type PatchStep } from '@tickswap/dsu';
import { VirtualTimeScheduler } from 'rxjs';
import type { BoundaryGate } from './boundary-gate';
import { HotSwap } from './hot-swap';
import { TickLoop } from './tick-loop';
import { SwapEvent } from './tick-record';

/** A planner that runs every 20th tick and holds its output in between (a 50 Hz planner at 1 kHz), of a given version. */
function plannerClass(version: string) {
  return class Planner {
    static readonly fields = ['countdown', 'output'] as const;
    countdown = 0;
    output = { by: version };
    get idle(): boolean {
      return this.countdown === 0;
    }
    plan(): void {
      if (this.countdown === 0) {
        this.output = { by: version };
        this.countdown = 20;
      }
      this.countdown -= 1;
    }
  };
}

function plannerVersions() {
  const Planner = plannerClass('1');
  const patch: PatchStep = { from: '1', to: '2', classes: { Planner: { kind: 'replace', code: plannerClass('2') } } };
  return { Planner, patch };
}

/** Runs 100 ticks with the planner updated at a boundary the gate allows; returns what each tick used. */
async function run(gate?: (planner: () => { idle: boolean }) => BoundaryGate) {
  const scheduler = new VirtualTimeScheduler();
  const { Planner, patch } = plannerVersions();
  const live = new LiveSystem(Namespace.of('1', { Planner }), { planner: new Planner() });
  const swap = new HotSwap(live, { watchTicks: 10, gate: gate?.(() => live.root.planner) });
  const used: [number, string][] = [];
  const loop: TickLoop = new TickLoop(
    {
      read: () => undefined,
      update: (tick) => {
        live.root.planner.plan();
        used.push([tick.version, live.root.planner.output.by]); // a 1 kHz consumer of the held output
      },
      write: () => undefined,
      boundary: (tick) => {
        swap.boundary(tick);
        if (tick.index === 99) void loop.stop();
      },
    },
    { scheduler, version: 1 },
  );
  swap.attach(loop);
  loop.start();
  const outcome = new Promise((resolve) => scheduler.schedule(() => void swap.request(patch).then(resolve), 3.5));
  scheduler.flush();
  await outcome;
  const commit = loop.records.window(0, Infinity).find((r) => r.swap === SwapEvent.Commit);
  return { used, commitTick: commit?.index };
}

describe('HotSwap with a behaviour running every 20th tick (virtual time)', () => {
  const idleGate = (planner: () => { idle: boolean }): BoundaryGate => () => ({ open: () => planner().idle, waitingFor: "the planner's cycle to end" });

  it('commits only at a boundary where the planner is idle: the end of its cycle', async () => {
    const { used, commitTick } = await run(idleGate);
    expect(commitTick).toBe(19); // requested at 3.5 ms, ready after tick 4; tick 19 ends the planner's first cycle
    // No tick of the new version uses an output the old version computed, and vice versa.
    expect(used.filter(([version, by]) => String(version) !== by)).toEqual([]);
    expect(used[20]).toEqual([2, '2']);
  });

  it('without the gate, commits mid-cycle and the new version uses the old held output (what the gate prevents)', async () => {
    const { used, commitTick } = await run();
    expect(commitTick).toBe(5);
    expect(used.filter(([version, by]) => String(version) !== by).map((_, k) => k + 6)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
});
