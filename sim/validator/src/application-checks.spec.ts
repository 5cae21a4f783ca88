import { applicationChecks, checkName } from './application-checks';
import type { GateCheck } from './gate-checks';
import { Trajectory } from './trajectory';

/** A run at 10 Hz along y = 0 whose x and first command follow `x(k)` and `command(k)`. */
function run(ticks: number, x: (k: number) => number, command: (k: number) => number = () => 0, theta: (k: number) => number = () => 0): Trajectory {
  const trajectory = new Trajectory(10, 2, ticks);
  for (let k = 0; k < ticks; k++) trajectory.record({ x: x(k), y: 0, theta: theta(k) }, { velocity: Float64Array.of(command(k), 0) }, 1);
  return trajectory;
}

const along = run(20, (k) => k * 0.05);
const judge = (check: GateCheck, candidate = along, shadow = along, side: number | undefined = 1) => applicationChecks([check], { candidate, shadow }, side)[0];

describe('applicationChecks', () => {
  it('passes a robot on the square and fails one that leaves it, at the first tick beyond', () => {
    expect(judge({ kind: 'near-square', toleranceM: 0.2 })).toEqual({ name: 'near-square ≤ 0.2 m', kind: 'application', status: 'passed', figure: 'max 0 m at 0.000 s' });
    const away = run(20, (k) => 0.5 + 0.25 * k);
    expect(judge({ kind: 'near-square', toleranceM: 0.2 }, away)).toMatchObject({
      status: 'failed',
      message: 'path-error beyond 0.2 m: 0.25 m at 0.300 s',
      atS: 0.3,
      path: 'path-error',
      figure: 'max 4.25 m at 1.900 s',
    });
  });

  it('takes the side from the check before the state, and says what to give without either', () => {
    expect(judge({ kind: 'near-square', toleranceM: 0.2, sideM: 0.5 }, run(20, (k) => 0.05 * k))).toMatchObject({ status: 'failed', atS: 1.4 });
    const [withoutSide] = applicationChecks([{ kind: 'near-square', toleranceM: 0.2 }], { candidate: along, shadow: along }, undefined);
    expect(withoutSide).toMatchObject({ status: 'failed', message: expect.stringMatching(/give the check a 'sideM'$/) });
  });

  it('judges settling from withinS to the end, and bounds at every tick', () => {
    const kick = run(20, (k) => k * 0.05, (k) => (k < 5 ? 2 : 0.1));
    expect(judge({ kind: 'settles', signal: 'command-divergence', tolerance: 0.5, withinS: 0.5 }, kick)).toMatchObject({ status: 'passed', figure: 'settled at 0.500 s' });
    expect(judge({ kind: 'settles', signal: 'command-divergence', tolerance: 0.5, withinS: 0.3 }, kick)).toMatchObject({
      status: 'failed',
      atS: 0.3,
      message: 'command-divergence beyond 0.5 rad/s: still 2 rad/s at 0.300 s, later than 0.3 s after the commit',
    });
    expect(judge({ kind: 'settles', signal: 'command-divergence', tolerance: 0.05, withinS: 0.3 }, kick)).toMatchObject({ status: 'failed', figure: 'not settled by 2.000 s' });
    expect(judge({ kind: 'bound', signal: 'command-divergence', max: 1 }, kick)).toMatchObject({ status: 'failed', atS: 0, figure: 'max 2 rad/s at 0.000 s' });
  });

  it('compares headings the short way round, and only over the ticks both runs have', () => {
    const turned = run(20, (k) => k * 0.05, undefined, () => Math.PI - 0.01);
    const back = run(10, (k) => k * 0.05, undefined, () => -Math.PI + 0.01);
    expect(judge({ kind: 'bound', signal: 'heading-divergence', max: 0.05 }, turned, back)).toMatchObject({ status: 'passed' });
    expect(judge({ kind: 'bound', signal: 'pose-divergence', max: 0 }, run(20, (k) => k), along)).toMatchObject({ status: 'failed', atS: 0.1 });
  });

  it("runs a patch's own predicates: a message or a finding fails, undefined passes, a throw fails", () => {
    const predicate = (test: () => unknown): GateCheck => ({ kind: 'predicate', name: 'mine', test: test as () => undefined });
    expect(judge(predicate(() => undefined))).toEqual({ name: 'mine', kind: 'application', status: 'passed' });
    expect(judge(predicate(() => 'too slow'))).toEqual({ name: 'mine', kind: 'application', status: 'failed', message: 'too slow' });
    expect(judge(predicate(() => ({ message: 'overshoot', atS: 1.2, path: 'root.behaviour.heading' })))).toMatchObject({ atS: 1.2, path: 'root.behaviour.heading' });
    expect(
      judge(
        predicate(() => {
          throw new RangeError('bad index');
        }),
      ),
    ).toMatchObject({ status: 'failed', message: 'the predicate threw RangeError: bad index' });
  });

  it('names checks by what they ask unless they are named', () => {
    expect(checkName({ kind: 'bound', signal: 'pose-divergence', max: 0.05 })).toBe('bound: pose-divergence ≤ 0.05 m');
    expect(checkName({ kind: 'settles', signal: 'heading-divergence', tolerance: 0.1, withinS: 1.5, name: 'heading settles' })).toBe('heading settles');
  });
});
