import { Behaviour } from './behaviour';
import { BehaviourConfigError } from './behaviour-config-error';
import { MultiRate } from './multi-rate';

/** Counts its runs and returns the dt it was given. */
class Probe extends Behaviour<number, number> {
  static readonly fields = ['runs', 'fail'] as const;
  runs = 0;
  fail = false;
  update(_input: number, dt: number): number {
    if (this.fail) throw new Error('Probe#update: planner failed');
    this.runs += 1;
    return dt;
  }
}

/** Runs `ticks` ticks of `dt` and returns, per tick, [output, runs so far, idle at its boundary]. */
function run(planner: MultiRate<number, number>, ticks: number, dt = 0.001): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  for (let k = 0; k < ticks; k++) out.push([planner.update(k, dt), (planner.inner as Probe).runs, planner.idle]);
  return out;
}

describe('MultiRate', () => {
  it('runs the inner behaviour in the first tick of every cycle and holds its output through the cycle', () => {
    const planner = new MultiRate(new Probe(), 3);
    const ticks = run(planner, 7, 0.5);
    expect(ticks.map(([, runs]) => runs)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    // The first run gets its own tick's dt, later runs the cycle's three.
    expect(ticks.map(([output]) => output)).toEqual([0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5]);
  });

  it('is idle exactly at the boundaries after the last tick of a cycle (every 20th tick)', () => {
    const planner = new MultiRate(new Probe(), 20);
    expect(planner.idle).toBe(true); // before its first tick
    const idleAfter = run(planner, 100).flatMap(([, , idle], tick) => (idle ? [tick] : []));
    expect(idleAfter).toEqual([19, 39, 59, 79, 99]);
  });

  it('runs every tick with every = 1, idle at every boundary', () => {
    const planner = new MultiRate(new Probe(), 1);
    expect(run(planner, 4)).toEqual([
      [0.001, 1, true],
      [0.001, 2, true],
      [0.001, 3, true],
      [0.001, 4, true],
    ]);
  });

  it('adds nothing to the cycle for a tick whose dt is not a positive finite number', () => {
    const planner = new MultiRate(new Probe(), 2);
    planner.update(0, 0.25);
    planner.update(0, Number.NaN);
    expect(planner.update(0, 0.25)).toBe(0.25);
    planner.update(0, Number.POSITIVE_INFINITY);
    expect(planner.update(0, 0.1)).toBeCloseTo(0.1, 12);
    planner.update(0, -1);
    expect(planner.update(0, 0)).toBe(0); // a cycle without time: the inner behaviour decides what dt 0 means
  });

  it('does not start a cycle when the inner behaviour throws: it stays idle and is tried again next tick', () => {
    const probe = new Probe();
    const planner = new MultiRate(probe, 5);
    probe.fail = true;
    expect(() => planner.update(0, 0.001)).toThrow('Probe#update: planner failed');
    expect(planner.idle).toBe(true);
    probe.fail = false;
    expect(planner.update(0, 0.001)).toBeCloseTo(0.002, 12); // both ticks' time
    expect(planner.idle).toBe(false);
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses every = %p with a BehaviourConfigError', (every) => {
    expect(() => new MultiRate(new Probe(), every)).toThrow(BehaviourConfigError);
    expect(() => new MultiRate(new Probe(), every)).toThrow(/^MultiRate constructor failed: every must be an integer >= 1/);
  });
});
