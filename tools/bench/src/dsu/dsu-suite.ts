import { cpus, loadavg } from 'node:os';
import type { Policy } from '@tickswap/dsu';
import type { BenchSuite } from '../suite';
import { fmt, median, table } from '../statistics';
import { measureBaseline, type Baseline } from './measure-baselines';
import { measureUpdate, type UpdateRun } from './measure-update';

const SIZES = [1_000, 10_000, 100_000] as const;
const RUNS: Record<number, number> = { 1_000: 9, 10_000: 7, 100_000: 5 };
const GOAL_COMMIT_MS = 1;
const GOAL_EAGER_PREPARE_NS = 300;
const GOAL_RATIO = 1.05;

interface Scenario {
  readonly name: string;
  readonly policy: Policy;
  readonly changed: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'eager (every instance changed since prepare)', policy: 'eager', changed: true },
  { name: 'prepared, nothing changed since prepare', policy: 'prepared', changed: false },
  { name: 'prepared, every instance changed since prepare', policy: 'prepared', changed: true },
  { name: 'lazy (every instance changed since prepare)', policy: 'lazy', changed: true },
];

const BASELINES: readonly { baseline: Baseline; name: string }[] = [
  { baseline: 'copy', name: 'copy into fresh objects, generic field loop (references not rewritten)' },
  { baseline: 'in-place', name: '`delete` + `Object.setPrototypeOf` on the same objects' },
];

const perInstance = (seconds: number, n: number) => fmt((seconds / n) * 1e9, 0);
const goal = (met: boolean) => (met ? 'met' : 'NOT met');

function runAll(progress: (line: string) => void): Map<string, UpdateRun[]> {
  const runs = new Map<string, UpdateRun[]>();
  for (const scenario of SCENARIOS) measureUpdate(1_000, scenario.policy, scenario.changed); // JIT warm-up
  for (const n of SIZES) {
    for (let run = 0; run < (RUNS[n] ?? 5); run++) {
      // Interleaved so that drift in machine load spreads over every scenario.
      for (const scenario of SCENARIOS) {
        const key = `${n}/${scenario.name}`;
        runs.set(key, [...(runs.get(key) ?? []), measureUpdate(n, scenario.policy, scenario.changed)]);
      }
    }
    progress(`${n} instances: ${SCENARIOS.map((s) => `${s.policy} commit ${fmt(median((runs.get(`${n}/${s.name}`) ?? []).map((r) => r.commit)) * 1e6, 0)} µs`).join(', ')}`);
  }
  return runs;
}

/**
 * `npm run bench -- dsu`: prepare and commit times of an update of N PIDs
 * (6 fields, one rename, one added field) per policy, and the steady-state
 * cost of using the migrated objects against fresh ones, with naive
 * migrations measured in the same run for reference.
 *
 * @example
 * const body = await dsuSuite.run(console.log);
 */
export const dsuSuite: BenchSuite = {
  name: 'dsu',
  title: 'Instance migration: prepare, commit at the tick boundary, speed of migrated objects',
  async run(progress) {
    const load = loadavg()[0] ?? Number.NaN;
    const runs = runAll(progress);
    const at = (n: number, scenario: Scenario) => runs.get(`${n}/${scenario.name}`) ?? [];
    const rows = SIZES.flatMap((n) =>
      SCENARIOS.map((scenario) => {
        const sample = at(n, scenario);
        const m = (pick: (run: UpdateRun) => number) => median(sample.map(pick));
        return [String(n), scenario.name, perInstance(m((r) => r.prepare), n), fmt(m((r) => r.commit) * 1e6, 0), perInstance(m((r) => r.commit), n), perInstance(m((r) => r.firstUse), n), `${fmt(m((r) => r.ratio), 3)}×`];
      }),
    );
    const big = SIZES[SIZES.length - 1] as number;
    const baselineRows = BASELINES.map(({ baseline, name }) => {
      const sample = Array.from({ length: RUNS[big] ?? 5 }, () => measureBaseline(big, baseline));
      return [name, fmt(median(sample.map((s) => s.perInstance)), 0), `${fmt(median(sample.map((s) => s.ratio)), 3)}×`];
    });
    const commitMs = (scenario: Scenario) => median(at(big, scenario).map((r) => r.commit)) * 1e3;
    const [eager, preparedQuiet, preparedBusy, lazy] = SCENARIOS as [Scenario, Scenario, Scenario, Scenario];
    const eagerPrepare = (median(at(big, eager).map((r) => r.prepare)) / big) * 1e9;
    const worstRatio = Math.max(...SCENARIOS.map((scenario) => median(at(big, scenario).map((r) => r.ratio))));
    return [
      `Median of ${Object.values(RUNS).join('/')} runs (1k/10k/100k instances) after a warm-up run. Each run builds N instances of a 6-field PID, ` +
        'prepares the patch (rename `ki` -> `gain`, add `bias`), runs one tick over all of them when the row says they changed ' +
        '(every integral changes), then commits. Prepare: walk, migrated copies, validation (between ticks). Commit: the one ' +
        'synchronous step at the tick boundary. First tick: extra time of the first tick after commit over a steady one (lazy ' +
        'migration happens there). Use: time of a tick calling `step` on the migrated objects over a tick on instances built by ' +
        "the new class's constructor, same run, separate call sites. " +
        `Load average when the suite started: ${fmt(load, 2)} on ${cpus().length} cores (the figures move a lot with it).`,
      '',
      table(['N', 'policy', 'prepare ns/inst', 'commit µs', 'commit ns/inst', 'first tick +ns/inst', 'use vs fresh'], rows),
      '',
      `Naive migrations of ${big} instances, same run, for reference:`,
      '',
      table(['baseline', 'ns/inst', 'use vs fresh'], baselineRows),
      '',
      'Reference: the published Pharo prototype of this model applies an update of 100,000 instances in 1 s with the application unresponsive for 250 ms.',
      '',
      `- Goal commit ≤ ${GOAL_COMMIT_MS} ms for ${big} instances with lazy or prepared: ${goal(Math.min(commitMs(lazy), commitMs(preparedQuiet), commitMs(preparedBusy)) <= GOAL_COMMIT_MS)} ` +
        `(lazy ${fmt(commitMs(lazy), 3)} ms ${goal(commitMs(lazy) <= GOAL_COMMIT_MS)}; prepared ${fmt(commitMs(preparedQuiet), 3)} ms when nothing changed ${goal(commitMs(preparedQuiet) <= GOAL_COMMIT_MS)}, ` +
        `${fmt(commitMs(preparedBusy), 3)} ms when every instance changed ${goal(commitMs(preparedBusy) <= GOAL_COMMIT_MS)}).`,
      `- Goal eager prepare ≤ ${GOAL_EAGER_PREPARE_NS} ns per instance: ${goal(eagerPrepare <= GOAL_EAGER_PREPARE_NS)} (${fmt(eagerPrepare, 0)} ns at ${big}).`,
      `- Goal migrated objects as fast as fresh ones (≤ ${GOAL_RATIO}×, every policy at ${big}): ${goal(worstRatio <= GOAL_RATIO)} (worst ${fmt(worstRatio, 3)}×).`,
    ].join('\n');
  },
};
