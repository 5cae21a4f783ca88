// The gate for real: every run below starts a worker thread that loads the
// runtime from source, rebuilds the live state from its snapshot and judges
// a fixture patch (test/patches).
import { BEHAVIOUR_CLASSES } from '@tickswap/behaviours';
import { Namespace, toSnapshot } from '@tickswap/dsu';
import { fixture, liveStateAfter, requestOf, robot, type LiveRobot } from '../test/live-state';
import type { GateVerdict } from './index';
import { parseRecording, Validator } from './index';

// A generous time limit: the workers run at niceness 19 and the test runner keeps the machine busy.
const HORIZON = { horizonS: 4, timeLimitMs: 30_000 };
let live: LiveRobot;
const validator = new Validator();

beforeAll(async () => {
  live = await liveStateAfter(9, 2);
});
afterAll(() => validator.close());

/** Each gate runs on a standby worker, started as the controller starts it, while nothing else runs. */
async function gate(name: string, options = {}) {
  await validator.standBy();
  return validator.run(requestOf(live.state, fixture(name), { ...HORIZON, ...options }));
}
const check = (verdict: GateVerdict, name: string) => verdict.checks.find((c) => c.name === name);

/** A verdict without what varies between runs: wall-clock figures, and the check that judges them. */
const withoutTiming = (verdict: GateVerdict) => ({ ...verdict, timing: undefined, checks: verdict.checks.filter((c) => c.name !== 'tick-budget') });

describe('Validator', () => {
  it('accepts a good patch from the live state, with its figures', async () => {
    const verdict = await gate('good');
    expect(verdict.failure).toBeUndefined();
    expect(verdict.accepted).toBe(true);
    expect([verdict.from, verdict.to]).toEqual(['0', '1']);
    expect(verdict.checks.map((c) => `${c.name}: ${c.status}`)).toEqual([
      'running-version: passed',
      'live-state: passed',
      'load: passed',
      'declared-checks: passed',
      'migration: passed',
      'no-throw: passed',
      'finite-commands: passed',
      'motor-limits: passed',
      'tick-budget: passed',
      'near-square ≤ 0.2 m: passed',
      'settles: pose-divergence ≤ 0.05 m within 1.5 s: passed',
      'reaches a corner: passed',
    ]);
    expect(check(verdict, 'near-square ≤ 0.2 m')?.figure).toMatch(/^max [\d.e-]+ m at \d+\.\d{3} s$/);
    // The simulated robot started where the live odometry put it, not at the origin.
    const { pose } = live;
    expect(verdict.simulation?.seed).toEqual({ x: pose.x, y: pose.y, theta: pose.theta, from: 'root.behaviour.odometry' });
    expect(pose.x).toBeGreaterThan(0.9);
    expect(pose.theta).toBeGreaterThan(0.3);
    expect(verdict.simulation).toMatchObject({ horizonS: 4, candidateS: 4, shadowS: 4, source: 'physics' });
    expect(verdict.divergence?.poseM.max).toBeGreaterThan(0);
    expect(verdict.trajectories?.candidate.x.length).toBeGreaterThan(100);
    expect(verdict.timing.speed).toBeGreaterThan(0);
  }, 30_000);

  it('rejects a migration that produces NaN, naming the field, before anything runs', async () => {
    const verdict = await gate('nan-migration');
    expect(verdict.accepted).toBe(false);
    expect(verdict.failure).toMatchObject({ check: 'migration', path: 'root.behaviour.heading.kp', atS: undefined });
    expect(verdict.failure?.message).toMatch(/^ValidationError: .*NaN/);
    expect(verdict.simulation).toBeUndefined();
  }, 30_000);

  it('rejects commands beyond the motor limits at the tick that gave them', async () => {
    const verdict = await gate('overdrive');
    expect(verdict.failure).toMatchObject({ check: 'motor-limits', atS: 0, path: expect.stringMatching(/^commands\.velocity\[[01]\]$/) });
    expect(verdict.failure?.message).toMatch(/beyond its limit ±4\.5 rad\/s/);
    expect(check(verdict, 'no-throw')?.status).toBe('passed');
  }, 30_000);

  it('stops a patch that loops forever at its time limit, saying where it was', async () => {
    const verdict = await gate('loops-forever', { timeLimitMs: 1500 });
    expect(verdict.failure).toMatchObject({ check: 'time-limit', path: 'root.behaviour' });
    expect(verdict.failure?.atS).toBeCloseTo(1, 2);
    expect(verdict.failure?.message).toMatch(/^the worker gave no verdict within 1500 ms, stopped in the candidate run at [01]\.\d{3} s of simulated time$/);
  }, 30_000);

  it('rejects a patch that ends its thread, and the host goes on', async () => {
    const verdict = await gate('exits');
    expect(verdict.failure).toMatchObject({ check: 'worker', path: 'root.behaviour' });
    expect(verdict.failure?.message).toMatch(/^the worker exited with code 3, stopped in the candidate run at 0\.\d{3} s of simulated time$/);
  }, 30_000);

  it('rejects a patch that throws at simulated second 3, naming the instance', async () => {
    const verdict = await gate('throws-at-3');
    expect(verdict.failure).toMatchObject({ check: 'no-throw', path: 'root.behaviour.heading' });
    expect(verdict.failure?.atS).toBeCloseTo(3, 2);
    expect(verdict.failure?.message).toBe('HeadingController.update threw Error: simulated fault 3 s after the commit');
    expect(verdict.simulation?.candidateS).toBeCloseTo(3, 2);
    expect(check(verdict, 'tick-budget')?.status).toBe('skipped');
  }, 30_000);

  it("rejects a patch whose own application check fails, with the check's figures", async () => {
    const verdict = await gate('wrong-way');
    expect(verdict.failure).toMatchObject({ check: 'settles: heading-divergence ≤ 0.1 rad within 1.5 s', atS: 1.5, path: 'heading-divergence' });
    expect(verdict.failure?.message).toMatch(/^heading-divergence beyond 0\.1 rad: still [\d.]+ rad at 1\.500 s, later than 1\.5 s after the commit$/);
    expect(check(verdict, 'near-square ≤ 0.2 m')?.status).toBe('passed');
    expect(check(verdict, 'motor-limits')?.status).toBe('passed');
    expect(verdict.divergence?.headingRad.max).toBeGreaterThan(0.1);
  }, 30_000);

  it('gives the same verdict for the same snapshot and patch, and leaves the live state alone', async () => {
    const before = JSON.stringify(toSnapshot({ behaviour: live.mission }, Namespace.of('0', BEHAVIOUR_CLASSES)));
    const first = await gate('wrong-way');
    const second = await gate('wrong-way');
    expect(withoutTiming(second)).toEqual(withoutTiming(first));
    expect(JSON.stringify(toSnapshot({ behaviour: live.mission }, Namespace.of('0', BEHAVIOUR_CLASSES)))).toBe(before);
  }, 30_000);

  it('replays a recording of the live readings instead of the physics: the same pose for both versions, the commands compared', async () => {
    const recording = parseRecording(live.recording, 'the live run');
    await validator.standBy();
    const verdict = await validator.run({ ...requestOf(live.state, fixture('good'), { timeLimitMs: HORIZON.timeLimitMs }), scenario: { robot, recording } });
    expect(verdict.failure).toBeUndefined();
    expect(verdict.simulation).toMatchObject({ source: 'recording', candidateS: 2, shadowS: 2, horizonS: 2 });
    expect(verdict.divergence?.poseM.max).toBe(0);
    expect(verdict.divergence?.commandRadPerS.max).toBeGreaterThan(0);
  }, 30_000);
});
