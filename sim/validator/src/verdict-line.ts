import type { GateVerdict } from './gate-verdict';

const seconds = (s: number) => `${s.toFixed(3)} s`;

/**
 * A verdict in one line, for logs and result messages: accepted with how
 * long it simulated and how far it diverged, or rejected with the first
 * failing check, when, where and why.
 *
 * @example
 * verdictLine(verdict);
 * // 'rejected 0 -> 1: no-throw failed at 3.000 s (root.behaviour.heading): HeadingController.update threw Error: ...'
 */
export function verdictLine(verdict: GateVerdict): string {
  const versions = verdict.from === undefined ? 'the patch' : `${verdict.from} -> ${verdict.to}`;
  const failure = verdict.failure;
  if (failure !== undefined) {
    const when = failure.atS === undefined ? '' : ` at ${seconds(failure.atS)}`;
    const where = failure.path === undefined ? '' : ` (${failure.path})`;
    return `rejected ${versions}: ${failure.check} failed${when}${where}: ${failure.message}`;
  }
  const simulation = verdict.simulation;
  const simulated = simulation === undefined ? '' : `: ${seconds(simulation.candidateS)} simulated on the ${simulation.source}`;
  const d = verdict.divergence;
  const divergence = d === undefined ? '' : `, diverging at most ${d.poseM.max.toPrecision(3)} m, ${d.headingRad.max.toPrecision(3)} rad, ${d.commandRadPerS.max.toPrecision(3)} rad/s from the running version`;
  return `accepted ${versions}${simulated}${divergence} (${verdict.timing.wallMs.toFixed(0)} ms)`;
}
