// @ts-check
import { formatMillis } from './format.js';
/** @typedef {import('./dashboard-state.js').DashboardState} DashboardState */
/** @typedef {import('./plot.js').PlotData} PlotData */
/** @typedef {import('@tickswap/telemetry').TimingFigures} TimingFigures */

/** Seconds of history the live plots show at most, and at least (before there is that much). */
const SPAN_S = 60;
const MIN_SPAN_S = 10;
const COLORS = { p50: '#4c9aff', p99: '#f0b429', max: '#f07171' };

/**
 * The plot of one measure (lateness or compute) over the last minute, one
 * point per statistics interval, with a marker at every update (version change and its pause).
 * @param {DashboardState} state
 * @param {'latenessUs' | 'computeUs'} measure
 * @returns {PlotData}
 */
export function livePlot(state, measure) {
  const now = state.latest?.atMs ?? 0;
  const seconds = (/** @type {number} */ atMs) => (atMs - now) / 1000;
  /** @param {keyof TimingFigures} figure */
  const series = (figure) => ({
    label: figure,
    color: COLORS[figure],
    points: state.statistics.flatMap((s) => {
      const figures = s[measure];
      return figures === null ? [] : [/** @type {[number, number]} */ ([seconds(s.atMs), figures[figure]])];
    }),
  });
  const markers = [...state.updates.values()]
    .filter((u) => u.atMs !== null)
    .map((u) => ({ x: seconds(/** @type {number} */ (u.atMs)), label: `${u.from}→${u.to} · ${formatMillis(u.pauseMs)}` }));
  return {
    series: [series('p50'), series('p99'), series('max')],
    markers,
    xMin: -Math.min(SPAN_S, Math.max(MIN_SPAN_S, (now - (state.statistics[0]?.atMs ?? now)) / 1000)),
    xMax: 0,
    xLabel: (x) => (Math.round(x) === 0 ? 'now' : `${Math.round(x)} s`),
    empty: 'waiting for the first statistics…',
  };
}
