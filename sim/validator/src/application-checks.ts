import { extreme } from './divergence';
import type { CheckFinding, GateCheck, GateSignal, SimulatedRuns } from './gate-checks';
import type { CheckResult } from './gate-verdict';
import { SIGNAL_UNITS, signalOf, type RunPair } from './signals';

const seconds = (s: number) => `${s.toFixed(3)} s`;
const amount = (value: number, signal: GateSignal) => `${Number(value.toPrecision(3))} ${SIGNAL_UNITS[signal]}`;

/** The name a check is reported by: its own, or one made from what it asks. */
export function checkName(check: GateCheck): string {
  if (check.name !== undefined) return check.name;
  switch (check.kind) {
    case 'near-square':
      return `near-square ≤ ${check.toleranceM} m`;
    case 'settles':
      return `settles: ${check.signal} ≤ ${check.tolerance} ${SIGNAL_UNITS[check.signal]} within ${check.withinS} s`;
    case 'bound':
      return `bound: ${check.signal} ≤ ${check.max} ${SIGNAL_UNITS[check.signal]}`;
    case 'predicate':
      return check.name;
  }
}

/** |values| ≤ limit from tick `from` on: the first tick beyond it, or -1. */
function firstBeyond(values: Float64Array, limit: number, from: number): number {
  for (let k = Math.max(0, from); k < values.length; k++) if (Math.abs(values[k] as number) > limit) return k;
  return -1;
}

/** The time the signal was last beyond `tolerance`, plus one tick: when it settled (0 if it never was). */
function settledAt(values: Float64Array, tolerance: number, rateHz: number): number {
  for (let k = values.length - 1; k >= 0; k--) if (Math.abs(values[k] as number) > tolerance) return (k + 1) / rateHz;
  return 0;
}

function judged(name: string, check: Exclude<GateCheck, { kind: 'predicate' }>, runs: RunPair, side: number | undefined): CheckResult {
  const signal: GateSignal = check.kind === 'near-square' ? 'path-error' : check.signal;
  const values = signalOf(signal, runs, check.sideM ?? side);
  const rateHz = runs.candidate.rateHz;
  const worst = extreme(values, rateHz);
  const limit = check.kind === 'near-square' ? check.toleranceM : check.kind === 'bound' ? check.max : check.tolerance;
  const from = check.kind === 'settles' ? Math.round(check.withinS * rateHz) : 0;
  const settled = settledAt(values, limit, rateHz);
  const end = values.length / rateHz;
  const settling = settled < end ? `settled at ${seconds(settled)}` : `not settled by ${seconds(end)}`;
  const figure = check.kind === 'settles' ? settling : `max ${amount(worst.max, signal)} at ${seconds(worst.atS)}`;
  const beyond = firstBeyond(values, limit, from);
  if (beyond < 0) return { name, kind: 'application', status: 'passed', figure };
  const value = amount(Math.abs(values[beyond] as number), signal);
  const when = check.kind === 'settles' ? `still ${value} at ${seconds(beyond / rateHz)}, later than ${check.withinS} s after the commit` : `${value} at ${seconds(beyond / rateHz)}`;
  return { name, kind: 'application', status: 'failed', figure, message: `${signal} beyond ${amount(limit, signal)}: ${when}`, atS: beyond / rateHz, path: signal };
}

function predicate(name: string, test: (runs: SimulatedRuns) => CheckFinding | string | undefined, runs: SimulatedRuns): CheckResult {
  let finding: CheckFinding | string | undefined;
  try {
    finding = test(runs);
  } catch (error) {
    finding = `the predicate threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  if (finding === undefined) return { name, kind: 'application', status: 'passed' };
  const { message, atS, path } = typeof finding === 'string' ? { message: finding, atS: undefined, path: undefined } : finding;
  return { name, kind: 'application', status: 'failed', message, ...(atS === undefined ? {} : { atS }), ...(path === undefined ? {} : { path }) };
}

/**
 * Judges a patch's application checks on the candidate's run (and the
 * shadow's, for divergences). `side` is the square of the state's mission,
 * for `path-error` when a check gives no `sideM`. A check that cannot be
 * judged (no square, a predicate that throws) fails, saying why.
 *
 * @example
 * applicationChecks([{ kind: 'near-square', toleranceM: 0.2 }], { candidate, shadow }, 1);
 * // [{ name: 'near-square ≤ 0.2 m', kind: 'application', status: 'passed', figure: 'max 0.0412 m at 7.351 s' }]
 */
export function applicationChecks(checks: readonly GateCheck[], runs: RunPair, side: number | undefined): CheckResult[] {
  const view: SimulatedRuns = { ...runs, signal: (name) => signalOf(name, runs, side) };
  return checks.map((check) => {
    const name = checkName(check);
    if (check.kind === 'predicate') return predicate(name, (r) => check.test(r), view);
    try {
      return judged(name, check, runs, side);
    } catch (error) {
      return { name, kind: 'application', status: 'failed', message: (error as Error).message };
    }
  });
}
