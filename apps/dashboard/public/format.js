// @ts-check
/**
 * A duration given in µs, in the unit that reads best: `4.2 µs`, `310 µs`, `1.25 ms`.
 * @param {number | null | undefined} us
 * @returns {string}
 */
export function formatMicros(us) {
  if (us === null || us === undefined || !Number.isFinite(us)) return '—';
  if (us < 10) return `${us.toFixed(1)} µs`;
  if (us < 1000) return `${us.toFixed(0)} µs`;
  if (us < 1e6) return `${(us / 1000).toFixed(us < 10000 ? 2 : 1)} ms`;
  return `${(us / 1e6).toFixed(2)} s`;
}

/**
 * A power of ten of µs as an axis label: `0.1 µs`, `10 µs`, `1 ms`, `1 s`.
 * @param {number} decade  log10 of the value in µs
 * @returns {string}
 */
export function formatDecade(decade) {
  if (decade >= 6) return `${10 ** (decade - 6)} s`;
  if (decade >= 3) return `${10 ** (decade - 3)} ms`;
  return `${Number((10 ** decade).toPrecision(1))} µs`;
}

/**
 * A duration given in ms, in the unit that reads best.
 * @param {number | null | undefined} ms
 * @returns {string}
 */
export function formatMillis(ms) {
  return ms === null || ms === undefined ? '—' : formatMicros(ms * 1000);
}

/**
 * A whole count with thousands separated: `1 234 567`.
 * @param {number} count
 * @returns {string}
 */
export function formatCount(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}
