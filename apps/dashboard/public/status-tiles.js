// @ts-check
import { formatCount, formatMicros } from './format.js';
/** @typedef {import('./dashboard-state.js').DashboardState} DashboardState */

/**
 * Fills the tiles from the latest statistics (the last interval, and totals since the loop started).
 * @param {Document} page
 * @param {DashboardState} state
 */
export function showTiles(page, state) {
  const latest = state.latest;
  if (latest === undefined) return;
  const set = (/** @type {string} */ id, /** @type {string} */ text) => {
    const element = page.getElementById(id);
    if (element !== null && element.textContent !== text) element.textContent = text;
  };
  set('rate', `${latest.rateHz.toFixed(1)} Hz`);
  set('version', String(latest.version));
  set('lateness', `${formatMicros(latest.latenessUs?.p99)} · ${formatMicros(latest.latenessUs?.max)}`);
  set('compute', `${formatMicros(latest.computeUs?.p99)} · ${formatMicros(latest.computeUs?.max)}`);
  set('missed', `${latest.missedTicks} · ${formatCount(latest.totals.missedTicks)}`);
  set('faulted', formatCount(latest.totals.faultedTicks));
  set('ticks', formatCount(latest.totals.ticks));
}
