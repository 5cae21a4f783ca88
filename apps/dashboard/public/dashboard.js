// @ts-check
// The dashboard: follows the telemetry server's live stream (`/events`) and
// redraws at most once per animation frame.
import { DashboardState } from './dashboard-state.js';
import { showHistory } from './history-table.js';
import { livePlot } from './live-plots.js';
import { drawPlot } from './plot.js';
import { showTiles } from './status-tiles.js';
import { windowPlot, windowTitle } from './window-plot.js';

const state = new DashboardState();
const element = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
let drawing = false;

function render() {
  drawing = false;
  showTiles(document, state);
  drawPlot(/** @type {HTMLCanvasElement} */ (element('lateness-plot')), livePlot(state, 'latenessUs'));
  drawPlot(/** @type {HTMLCanvasElement} */ (element('compute-plot')), livePlot(state, 'computeUs'));
  const windowCanvas = /** @type {HTMLCanvasElement} */ (element('window-plot'));
  drawPlot(windowCanvas, windowPlot(state));
  windowCanvas.dataset['updateTick'] = state.window === undefined ? '' : String(state.window.update.tick);
  /** @type {HTMLElement} */ (element('window-title').querySelector('.hint')).textContent = windowTitle(state);
  showHistory(/** @type {HTMLTableSectionElement} */ (element('history').querySelector('tbody')), state);
}

function redraw() {
  if (!drawing) requestAnimationFrame(render);
  drawing = true;
}

/** @param {'connecting' | 'live' | 'lost'} status */
function connection(status) {
  const badge = element('connection');
  badge.dataset['state'] = status;
  badge.textContent = { connecting: 'connecting…', live: 'live', lost: 'connection lost: retrying' }[status];
}

const events = new EventSource('events');
events.onopen = () => connection('live');
events.onerror = () => connection('lost'); // EventSource retries by itself; onopen says when it is back
for (const type of ['tick-statistics', 'update', 'tick-window']) {
  events.addEventListener(type, (event) => {
    state.add(JSON.parse(/** @type {MessageEvent<string>} */ (event).data));
    redraw();
  });
}
window.addEventListener('resize', redraw);
redraw();
