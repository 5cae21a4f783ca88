/**
 * Pieces of the Prometheus text exposition format 0.0.4: every metric family
 * is `# HELP`, `# TYPE`, then its samples `name{label="value"} number`.
 */

/** The metric types this exposition uses. */
export type MetricType = 'counter' | 'gauge' | 'histogram';

/**
 * A sample value as Prometheus reads it (`+Inf`, `-Inf`, `NaN` spelled its way).
 *
 * @example
 * formatValue(Infinity); // '+Inf'
 */
export function formatValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/**
 * A bucket bound in plain decimal notation (`le="0.0000025"`, not `2.5e-6`), as the labels of other exporters read.
 *
 * @example
 * formatBound(0.00001); // '0.00001'
 */
export function formatBound(bound: number): string {
  if (!Number.isFinite(bound)) return formatValue(bound);
  return bound.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/**
 * One sample line.
 *
 * @example
 * sampleLine('tickswap_updates_total', { kind: 'commit' }, 3); // 'tickswap_updates_total{kind="commit"} 3'
 */
export function sampleLine(name: string, labels: Readonly<Record<string, string>>, value: number): string {
  const pairs = Object.entries(labels).map(([key, label]) => `${key}="${escapeLabel(label)}"`);
  return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`;
}

/**
 * A metric family: its HELP and TYPE lines, then its samples.
 *
 * @example
 * metricFamily('tickswap_ticks_total', 'counter', 'Ticks run.', [sampleLine('tickswap_ticks_total', {}, 1000)]);
 */
export function metricFamily(name: string, type: MetricType, help: string, samples: readonly string[]): string {
  const escapedHelp = help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return [`# HELP ${name} ${escapedHelp}`, `# TYPE ${name} ${type}`, ...samples].join('\n');
}
