// @ts-check
import { formatDecade } from './format.js';

/**
 * @typedef {{ label: string, color: string, points: [number, number][] }} Series  points: [x, y in µs]
 * @typedef {{ x: number, label: string }} Marker
 * @typedef {{ series: Series[], markers: Marker[], xMin: number, xMax: number, xLabel: (x: number) => string, empty: string }} PlotData
 */

/** Log scales have no zero: values below this (a tick exactly on time) sit on the floor, µs. */
const FLOOR_US = 0.1;
const MARGIN = { left: 64, right: 14, top: 22, bottom: 24 };

/**
 * Draws line series on a log-µs y axis (decades from the data's range), with
 * dashed vertical markers, a legend and axis labels; sizes the canvas to its
 * CSS box. Leaves `data-points` and `data-markers` on the canvas (what it drew).
 * @param {HTMLCanvasElement} canvas
 * @param {PlotData} data
 */
export function drawPlot(canvas, data) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  context.scale(ratio, ratio);
  context.font = '11px system-ui, sans-serif';

  const inRange = (/** @type {number} */ x) => x >= data.xMin && x <= data.xMax;
  const values = data.series.flatMap((s) => s.points.filter(([x]) => inRange(x)).map(([, y]) => Math.max(FLOOR_US, y)));
  canvas.dataset['points'] = String(values.length);
  const markers = data.markers.filter((m) => inRange(m.x));
  canvas.dataset['markers'] = String(markers.length);
  const plot = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  if (values.length === 0) {
    context.fillStyle = '#8a96a6';
    context.fillText(data.empty, plot.left + 8, plot.top + plot.height / 2);
    return;
  }
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values) * 1.2)));
  const xSpan = data.xMax - data.xMin || 1;
  const px = (/** @type {number} */ x) => plot.left + ((x - data.xMin) / xSpan) * plot.width;
  const py = (/** @type {number} */ us) => plot.top + plot.height - ((Math.log10(Math.max(FLOOR_US, us)) - low) / (high - low)) * plot.height;

  drawAxes(context, plot, data, low, high, px);
  for (const series of data.series) {
    context.strokeStyle = series.color;
    context.lineWidth = 1.5;
    context.beginPath();
    series.points.filter(([x]) => inRange(x)).forEach(([x, y], k) => (k === 0 ? context.moveTo(px(x), py(y)) : context.lineTo(px(x), py(y))));
    context.stroke();
  }
  drawMarkers(context, plot, markers, px);
  drawLegend(context, plot, data.series);
}

/**
 * @param {CanvasRenderingContext2D} context
 * @param {{ left: number, top: number, width: number, height: number }} plot
 * @param {PlotData} data
 * @param {number} low  first decade (log10 µs)
 * @param {number} high last decade
 * @param {(x: number) => number} px
 */
function drawAxes(context, plot, data, low, high, px) {
  context.strokeStyle = '#263040';
  context.fillStyle = '#8a96a6';
  context.lineWidth = 1;
  for (let decade = low; decade <= high; decade++) {
    const y = plot.top + plot.height - ((decade - low) / (high - low)) * plot.height;
    context.beginPath();
    context.moveTo(plot.left, y);
    context.lineTo(plot.left + plot.width, y);
    context.stroke();
    context.fillText(formatDecade(decade), 4, y + 4);
  }
  for (const x of roundTicks(data.xMin, data.xMax, 6)) {
    const label = data.xLabel(x);
    context.fillText(label, Math.min(px(x) - context.measureText(label).width / 2, plot.left + plot.width - context.measureText(label).width), plot.top + plot.height + 16);
  }
}

/**
 * About `count` x positions between `min` and `max` on round steps (1, 2 or 5 times a power of ten).
 * @param {number} min
 * @param {number} max
 * @param {number} count
 * @returns {number[]}
 */
export function roundTicks(min, max, count) {
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks = [];
  for (let x = Math.ceil(min / step) * step; x <= max; x += step) ticks.push(x);
  return ticks;
}

/**
 * @param {CanvasRenderingContext2D} context
 * @param {{ left: number, top: number, width: number, height: number }} plot
 * @param {Marker[]} markers
 * @param {(x: number) => number} px
 */
function drawMarkers(context, plot, markers, px) {
  context.save();
  context.setLineDash([4, 3]);
  context.strokeStyle = '#f0b429';
  context.fillStyle = '#f0b429';
  markers.forEach((marker, k) => {
    const x = px(marker.x);
    context.beginPath();
    context.moveTo(x, plot.top);
    context.lineTo(x, plot.top + plot.height);
    context.stroke();
    const width = context.measureText(marker.label).width;
    context.fillText(marker.label, x + 4 + width > plot.left + plot.width ? x - width - 4 : x + 4, plot.top + 12 + (k % 3) * 13);
  });
  context.restore();
}

/**
 * @param {CanvasRenderingContext2D} context
 * @param {{ left: number, top: number, width: number, height: number }} plot
 * @param {Series[]} series
 */
function drawLegend(context, plot, series) {
  let x = plot.left;
  for (const { label, color } of series) {
    context.fillStyle = color;
    context.fillRect(x, 6, 10, 10);
    context.fillStyle = '#dde3ea';
    context.fillText(label, x + 14, 15);
    x += context.measureText(label).width + 32;
  }
}
