import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verdictFigures } from './gate-figures';
import type { GateVerdict } from './gate-verdict';
import { readLiveState, writeLiveState } from './live-state-file';
import { trajectorySvg } from './trajectory-svg';
import { verdictLine } from './verdict-line';

const timing = { wallMs: 84.4, workerStartMs: 0, loadMs: 2, migrateMs: 1, shadowMs: 30, candidateMs: 20, speed: 400, shadowTicks: { p99Us: 1, maxUs: 9 }, candidateTicks: { p99Us: 1.2, maxUs: 11 } };
const run = { t: [0, 1, 2], x: [0, 0.5, 1], y: [0, 0, 0.1], theta: [0, 0, 0.2] };
const accepted: GateVerdict = {
  accepted: true,
  from: '0',
  to: '1',
  failure: undefined,
  checks: [],
  simulation: { horizonS: 2, rateHz: 1000, candidateS: 2, shadowS: 2, source: 'physics', squareSideM: 1, seed: { x: 0, y: 0, theta: 0, from: 'root.behaviour.odometry' } },
  divergence: { poseM: { max: 0.0123, atS: 1 }, headingRad: { max: 0.2, atS: 2 }, commandRadPerS: { max: 0.5, atS: 0.1 } },
  trajectories: { shadow: run, candidate: { ...run, y: [0, 0.05, 0.2] } },
  timing,
};
const rejected: GateVerdict = { ...accepted, accepted: false, failure: { check: 'no-throw', message: 'Pid.update threw <Error>', atS: 1, path: 'root.behaviour.heading' } };

describe('verdict output', () => {
  it('says a verdict in one line', () => {
    expect(verdictLine(accepted)).toBe('accepted 0 -> 1: 2.000 s simulated on the physics, diverging at most 0.0123 m, 0.200 rad, 0.500 rad/s from the running version (84 ms)');
    expect(verdictLine(rejected)).toBe('rejected 0 -> 1: no-throw failed at 1.000 s (root.behaviour.heading): Pid.update threw <Error>');
    expect(verdictLine({ ...rejected, from: undefined, failure: { check: 'load', message: 'no patch', atS: undefined, path: undefined } })).toBe('rejected the patch: load failed: no patch');
  });

  it('gives the figures of a validated result message', () => {
    expect(verdictFigures(accepted)).toEqual({
      ticks: 2000,
      elapsedMs: 84.4,
      metrics: {
        simulatedS: 2,
        speedTimesRealTime: 400,
        workerStartMs: 0,
        maxPoseDivergenceM: 0.0123,
        maxHeadingDivergenceRad: 0.2,
        maxCommandDivergenceRadPerS: 0.5,
        tickP99Us: 1.2,
        tickMaxUs: 11,
      },
    });
    expect(verdictFigures({ ...rejected, simulation: undefined, divergence: undefined }).metrics['maxPoseDivergenceM']).toBeNull();
  });

  it('plots both trajectories, the square and the failure in an SVG document, its text escaped', () => {
    const svg = trajectorySvg(rejected, 'patch <pid>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<path d="M[\d. LM]+" fill="none" stroke="#(4477aa|ee6677)"/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('stroke="#cc0000"');
    expect(svg).toContain('patch &lt;pid&gt;');
    expect(svg).not.toContain('<Error>');
    expect(trajectorySvg({ ...rejected, trajectories: undefined }, 'x')).toContain('nothing was simulated');
  });

  it('saves a live state and reads it back, and names a file of another format', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tickswap-live-state-'));
    const state = { snapshot: { format: 'tickswap-dsu-snapshot/1', version: '0', root: null, nodes: [] } as never, readings: { position: Float64Array.of(1, 2), velocity: [0, 0] } };
    writeLiveState(join(folder, 'state.json'), state);
    expect(readLiveState(join(folder, 'state.json'))).toEqual({ snapshot: state.snapshot, readings: { position: [1, 2], velocity: [0, 0] } });
    writeFileSync(join(folder, 'other.json'), '{"format":"x"}');
    expect(() => readLiveState(join(folder, 'other.json'))).toThrow(/^readLiveState failed: .*other\.json: 'format' must be 'tickswap\.live-state\/1', got "x"$/);
  });
});
