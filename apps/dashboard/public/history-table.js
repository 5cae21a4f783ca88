// @ts-check
import { formatMicros, formatMillis } from './format.js';
/** @typedef {import('./dashboard-state.js').DashboardState} DashboardState */

/**
 * Renders the version history, newest first: one row per update with what it cost.
 * @param {HTMLTableSectionElement} body
 * @param {DashboardState} state
 */
export function showHistory(body, state) {
  const now = state.latest?.atMs;
  const rows = [...state.updates.values()].sort((a, b) => b.tick - a.tick);
  body.replaceChildren(
    ...rows.map((update) => {
      const row = document.createElement('tr');
      row.dataset['tick'] = String(update.tick);
      const ago = update.atMs === null || now === undefined ? '—' : `${Math.max(0, (now - update.atMs) / 1000).toFixed(0)} s ago`;
      const cells = [
        ago,
        String(update.tick),
        update.kind,
        `${update.from} → ${update.to}`,
        formatMillis(update.pauseMs),
        formatMicros(update.nextLatenessUs),
        String(update.missedTicks),
        [update.id, update.reason].filter((text) => text !== undefined).join(': '),
      ];
      cells.forEach((text, column) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (column === 2) cell.className = `kind-${update.kind}`;
      });
      return row;
    }),
  );
}
