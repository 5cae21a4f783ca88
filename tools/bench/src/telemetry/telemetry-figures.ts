import { summariseLateness, type LatenessSummary } from '../loop/lateness-summary';
import { NO_USAGE } from '../loop/usage-meter';
import { fmt, median } from '../statistics';
import type { RoundFigures } from './measure-round';
import type { StackFigures, TelemetryParts } from './telemetry-stack';

/** One configuration of the suite and its rounds so far. */
export interface Configuration {
  readonly name: string;
  readonly telemetry: TelemetryParts | undefined;
  readonly rounds: RoundFigures[];
}

/** A configuration's figures over all its rounds: lateness and compute percentiles (µs), its table row, what telemetry did. */
export interface Pooled {
  readonly lateness: LatenessSummary;
  readonly compute: LatenessSummary;
  readonly row: string[];
  readonly stack: StackFigures;
}

const PERCENTILES = ['p50', 'p99', 'p999', 'max'] as const;
const NOTHING: StackFigures = { statistics: 0, windows: 0, recordedMessages: 0, recordedBytes: 0, streamEvents: 0, dropped: 0 };

/**
 * Pools the rounds of a configuration: percentiles over every tick of every
 * round (the rounds' usage is cumulative: the last round's is the total).
 *
 * @example
 * pooledFigures(on).compute.p99; // µs
 */
export function pooledFigures(configuration: Configuration): Pooled {
  const { rounds } = configuration;
  const usage = rounds.at(-1)?.usage ?? NO_USAGE;
  const missed = rounds.reduce((sum, r) => sum + r.missed, 0);
  const lateness = summariseLateness(rounds.flatMap((r) => r.lateness), missed, usage);
  // The same exact percentiles serve compute times; missed periods and usage are the lateness row's.
  const compute = summariseLateness(rounds.flatMap((r) => r.compute), 0, usage);
  const stack = rounds.reduce<StackFigures>((sum, r) => {
    const add = r.stack ?? NOTHING;
    return Object.fromEntries(Object.entries(sum).map(([key, value]) => [key, value + add[key as keyof StackFigures]])) as unknown as StackFigures;
  }, NOTHING);
  const row = [
    configuration.name,
    ...PERCENTILES.map((p) => fmt(lateness[p])),
    ...PERCENTILES.map((p) => fmt(compute[p])),
    String(missed),
    fmt(lateness.cpu, 0),
    String(lateness.preemptions),
  ];
  return { lateness, compute, row, stack };
}

/**
 * The row of the ratios of `top`'s percentiles to `bottom`'s.
 *
 * @example
 * ratioRow('ratio on / off', pooledFigures(on), pooledFigures(off));
 */
export function ratioRow(name: string, top: Pooled, bottom: Pooled): string[] {
  const ratio = (measure: 'lateness' | 'compute') => PERCENTILES.map((p) => `${fmt(top[measure][p] / bottom[measure][p], 2)}×`);
  return [name, ...ratio('lateness'), ...ratio('compute'), '', '', ''];
}

/**
 * The p99 ratio of `top` to `bottom` round by round (round k against round
 * k): its median and range, less swayed than pooled figures by a round that
 * another process disturbed.
 *
 * @example
 * roundRatios(on, off, 'compute').median; // 1.02
 */
export function roundRatios(top: Configuration, bottom: Configuration, measure: 'lateness' | 'compute'): { median: number; min: number; max: number } {
  const p99 = (round: RoundFigures) => summariseLateness(round[measure], 0, NO_USAGE).p99;
  const ratios = top.rounds.map((round, k) => p99(round) / p99(bottom.rounds[k] as RoundFigures));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
