// @ts-check
/**
 * @typedef {import('@tickswap/telemetry').TickStatisticsMessage} TickStatistics
 * @typedef {import('@tickswap/telemetry').UpdateMessage} Update
 * @typedef {import('@tickswap/telemetry').TickWindowMessage} TickWindow
 * @typedef {import('@tickswap/telemetry').TelemetryMessage} TelemetryMessage
 */

/** Statistics kept for the live plots: two minutes of one-second intervals. */
const KEEP_STATISTICS = 120;
/** Updates kept for the table and the markers. */
const KEEP_UPDATES = 200;

/** What the page knows: recent statistics, the updates (one per tick: a later report of a tick replaces it), the last window. */
export class DashboardState {
  constructor() {
    /** @type {TickStatistics[]} */
    this.statistics = [];
    /** @type {Map<number, Update>} */
    this.updates = new Map();
    /** @type {TickWindow | undefined} */
    this.window = undefined;
  }

  /** @returns {TickStatistics | undefined} */
  get latest() {
    return this.statistics[this.statistics.length - 1];
  }

  /** @param {TelemetryMessage} message */
  add(message) {
    if (message.type === 'tick-statistics') {
      // A restarted controller starts counting again: its history replaces the old one.
      if (this.latest !== undefined && message.firstTick < this.latest.firstTick) this.statistics = [];
      this.statistics.push(message);
      if (this.statistics.length > KEEP_STATISTICS) this.statistics.shift();
    } else if (message.type === 'update') {
      this.updates.set(message.tick, message);
      if (this.updates.size > KEEP_UPDATES) this.updates.delete(/** @type {number} */ (this.updates.keys().next().value));
    } else this.window = message;
  }
}
