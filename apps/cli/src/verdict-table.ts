import type { CheckResult, GateVerdict } from '@tickswap/validator';

const seconds = (s: number) => `${s.toFixed(3)} s`;

/** The figure of a check's row: its own, or for the tick budget the timing it judged. */
function figureOf(check: CheckResult, verdict: GateVerdict): string {
  const ticks = verdict.timing.candidateTicks;
  if (check.name === 'tick-budget' && ticks !== undefined) return `p99 ${ticks.p99Us.toFixed(1)} µs, max ${ticks.maxUs.toFixed(1)} µs`;
  return check.figure ?? (check.status === 'failed' ? (check.message ?? '') : '');
}

/** Pads the columns of `rows` to their widest cell. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}

/**
 * The summary of a gate as `tickswap patch test` prints it: one row per
 * check (result, figure, when, where), the divergence from the running
 * version, and what the simulation took.
 *
 * @example
 * console.log(verdictTable(verdict).join('\n'));
 */
export function verdictTable(verdict: GateVerdict): string[] {
  const rows = [['check', 'result', 'figure', 'at', 'where'], ...verdict.checks.map((c) => [c.name, c.status, figureOf(c, verdict), c.atS === undefined ? '' : seconds(c.atS), c.path ?? ''])];
  const lines = columns(rows);
  const d = verdict.divergence;
  if (d !== undefined) {
    lines.push('', `divergence from the running version: pose ${d.poseM.max.toPrecision(3)} m at ${seconds(d.poseM.atS)}, heading ${d.headingRad.max.toPrecision(3)} rad at ${seconds(d.headingRad.atS)}, command ${d.commandRadPerS.max.toPrecision(3)} rad/s at ${seconds(d.commandRadPerS.atS)}`);
  }
  const { simulation: sim, timing: t } = verdict;
  if (sim?.shadowStopped !== undefined) lines.push(`the running version itself stopped early on this scenario: ${sim.shadowStopped}`);
  if (sim !== undefined) {
    lines.push(`simulated ${seconds(sim.shadowS + sim.candidateS)} in ${(t.shadowMs + t.candidateMs).toFixed(1)} ms (${t.speed.toFixed(0)}× real time); verdict in ${t.wallMs.toFixed(0)} ms (worker start ${t.workerStartMs.toFixed(0)} ms)`);
  }
  return lines;
}
