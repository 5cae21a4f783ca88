import type { DowntimeFigures, GateFigures, ResultMessage, StageTimings } from '@tickswap/mqtt-link';

const ms = (value: number | null): string => (value === null ? '-' : `${value.toFixed(3)} ms`);

/** How the gate's figures read; a gate that simulated nothing did not run. */
const gateText = (gate: GateFigures): string =>
  gate.ticks === 0 ? 'gate: not run' : `gate: ${gate.ticks} simulated ticks in ${gate.elapsedMs.toFixed(1)} ms${Object.entries(gate.metrics).map(([name, value]) => `, ${name} ${value ?? '-'}`).join('')}`;

const downtimeText = (downtime: DowntimeFigures | null): string =>
  downtime === null ? 'no downtime figures' : `downtime: boundary ${ms(downtime.boundaryMs)}, next tick late ${ms(downtime.latenessMs)}, ${downtime.missedTicks} ticks missed`;

const timingsText = (t: StageTimings): string =>
  `robot time: queued ${ms(t.queuedMs)}, verify ${ms(t.verifyMs)}, gate ${ms(t.gateMs)}, commit ${ms(t.commitMs)}, watch ${ms(t.watchMs)}`;

/**
 * One line for one result of a patch, as `tickswap patch publish` prints it.
 *
 * @example
 * resultLine(committed); // 'committed: version 1; downtime: boundary 0.210 ms, next tick late 0.050 ms, 0 ticks missed; robot time: queued 0.100 ms, ...'
 */
export function resultLine(result: ResultMessage): string {
  switch (result.stage) {
    case 'received':
      return `received by ${result.robot} (${result.bytes} bytes)`;
    case 'validated':
      return `verified ${result.from} -> ${result.to}; ${gateText(result.gate)}`;
    case 'committed':
      return `committed: version ${result.version}; ${downtimeText(result.downtime)}; ${timingsText(result.timings)}`;
    case 'rolled-back':
      return `rolled back (${result.reason}): ${result.message}; version ${result.version} runs; ${downtimeText(result.downtime)}; ${timingsText(result.timings)}`;
    default:
      return `rejected (${result.reason}): ${result.message}`;
  }
}
