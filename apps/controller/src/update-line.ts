import type { Downtime, UpdateLogEntry } from '@tickswap/control-loop';

const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

/** Downtime figures as words. */
function downtimeText(downtime: Downtime | undefined): string {
  if (downtime === undefined) return '';
  const lateness = Number.isNaN(downtime.latenessMs) ? 'no next tick' : `next tick ${us(downtime.latenessMs)} late`;
  return `: boundary ${us(downtime.boundaryMs)}, ${lateness}, ${downtime.missedTicks} ticks missed`;
}

/**
 * One line of stdout for an entry of the update log: what happened, and for
 * a commit or rollback what it cost the loop.
 *
 * @example
 * formatUpdate(entry);
 * // 'update pid-integral-limit: committed version 0 -> 1 at tick 1002 (prepared): boundary 41.3 µs, next tick 2.0 µs late,
 * //  0 ticks missed; prepared in 1 slice between ticks (0.52 ms of work, 5 instances)'
 */
export function formatUpdate(entry: UpdateLogEntry): string {
  const head = `update ${entry.id}:`;
  switch (entry.event) {
    case 'committed': {
      const p = entry.preparation;
      const prepared = p === undefined ? '' : `; prepared in ${p.slices} slice${p.slices === 1 ? '' : 's'} between ticks (${p.workMs.toFixed(2)} ms of work, ${p.instances} instances)`;
      return `${head} committed version ${entry.from} -> ${entry.to} at tick ${entry.tick} (${entry.policy})${downtimeText(entry.downtime)}${prepared}`;
    }
    case 'rolled-back':
      return `${head} rolled back to version ${entry.version} at tick ${entry.tick} (${entry.failure})${downtimeText(entry.downtime)}; ${entry.reason}`;
    case 'kept':
      return `${head} kept version ${entry.version} (${entry.reason})`;
    default:
      return `${head} ${entry.event}, version ${entry.version} runs: ${entry.reason}`;
  }
}
