/**
 * Order statistics over a sample (sorted copy, nearest-rank percentiles).
 *
 * @example
 * percentile([3, 1, 2], 0.5); // 2
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * The median of a sample.
 *
 * @example
 * median([5, 1, 3, 2]); // 2 (lower median)
 */
export function median(values: ArrayLike<number>): number {
  return percentile(values, 0.5);
}

/**
 * Formats a number with a fixed number of significant decimals for tables.
 *
 * @example
 * fmt(1234.5678); // '1234.6'
 */
export function fmt(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : String(value);
}

/**
 * A Markdown table from a header row and body rows.
 *
 * @example
 * table(['a', 'b'], [['1', '2']]);
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
