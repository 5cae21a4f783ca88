// @ts-check
import { formatMicros, formatMillis } from './format.js';
/** @typedef {import('./dashboard-state.js').DashboardState} DashboardState */
/** @typedef {import('./plot.js').PlotData} PlotData */

/**
 * The per-tick plot of the window around the last update: each tick's
 * lateness and compute time against its distance (in ticks) from the
 * swapping tick, which sits at 0.
 * @param {DashboardState} state
 * @returns {PlotData}
 */
export function windowPlot(state) {
  const window = state.window;
  if (window === undefined) return { series: [], markers: [], xMin: 0, xMax: 1, xLabel: () => '', empty: 'no update yet' };
  const offset = (/** @type {number} */ k) => window.firstTick + k - window.update.tick;
  const points = (/** @type {readonly number[]} */ column) => column.map((us, k) => /** @type {[number, number]} */ ([offset(k), us]));
  const last = offset(window.latenessUs.length - 1);
  return {
    series: [
      { label: 'lateness', color: '#f0b429', points: points(window.latenessUs) },
      { label: 'compute', color: '#4cc9c0', points: points(window.computeUs) },
    ],
    markers: [{ x: 0, label: `${window.update.kind} ${window.update.from}→${window.update.to} · pause ${formatMillis(window.update.pauseMs)}` }],
    xMin: offset(0),
    xMax: Math.max(last, offset(0) + 1),
    xLabel: (x) => `${x > 0 ? '+' : ''}${Math.round(x)}`,
    empty: 'no ticks in the window',
  };
}

/**
 * The title of the window's panel: which update, what it cost.
 * @param {DashboardState} state
 * @returns {string}
 */
export function windowTitle(state) {
  const window = state.window;
  if (window === undefined) return 'none yet';
  const { kind, from, to, tick, pauseMs, nextLatenessUs, missedTicks } = window.update;
  return `${kind} ${from}→${to} at tick ${tick}: pause ${formatMillis(pauseMs)}, next tick late ${formatMicros(nextLatenessUs)}, ${missedTicks} missed · ticks ${window.firstTick}…${window.firstTick + window.latenessUs.length - 1}${window.complete ? '' : ' (partial)'}`;
}
