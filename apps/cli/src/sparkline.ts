const BARS = '▁▂▃▄▅▆▇█';

/**
 * The last `width` values as a line of block characters, the tallest for
 * the largest value shown (0 at the bottom); a value that is not a number
 * (no figure for that second) is a space.
 *
 * @example
 * sparkline([1, 2, 4, 8], 10); // '▂▃▅█'
 */
export function sparkline(values: readonly (number | null)[], width: number): string {
  const shown = values.slice(Math.max(0, values.length - width));
  const max = shown.reduce<number>((top, value) => (value !== null && value > top ? value : top), 0);
  return shown
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return ' ';
      const level = max > 0 ? Math.round((Math.max(0, value) / max) * (BARS.length - 1)) : 0;
      return BARS[level] as string;
    })
    .join('');
}
