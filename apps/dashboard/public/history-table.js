// @ts-check
import { formatMicros, formatMillis } from './format.js';
/** @typedef {import('./dashboard-state.js').DashboardState} DashboardState */

/**
 * The last cell of an update's row: its name (and why, for a rollback), then
 * the notes it came with, a line each (what it changed, the gate's verdict).
 * @param {HTMLTableCellElement} cell
 * @param {import('./dashboard-state.js').Update} update
 */
function describe(cell, update) {
  cell.textContent = [update.id, update.reason].filter((text) => text !== undefined).join(': ');
  if (update.notes === undefined || update.notes.length === 0) return;
  const list = document.createElement('ul');
  list.className = 'notes';
  list.replaceChildren(
    ...update.notes.map((note) => {
      const item = document.createElement('li');
      item.textContent = note;
      return item;
    }),
  );
  cell.append(list);
}

/**
 * Renders the version history, newest first: one row per update with what it cost and what it changed.
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
      ];
      cells.forEach((text, column) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (column === 2) cell.className = `kind-${update.kind}`;
      });
      describe(row.insertCell(), update);
      return row;
    }),
  );
}
