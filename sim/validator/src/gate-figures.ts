import type { GateVerdict } from './gate-verdict';

/** A verdict's figures in the shape of a `validated` result message (`@tickswap/mqtt-link`'s `GateFigures`). */
export interface VerdictFigures {
  /** Simulated ticks the candidate ran. */
  readonly ticks: number;
  /** Wall time of the gate, ms. */
  readonly elapsedMs: number;
  /** Named measurements; null when the gate did not get to measure them. */
  readonly metrics: Readonly<Record<string, number | null>>;
}

/**
 * The figures a robot reports for a patch that passed the gate: ticks
 * simulated, wall time, simulator speed, divergence from the running
 * version and the candidate's tick compute time.
 *
 * @example
 * sink(reply, { stage: 'validated', from: verdict.from, to: verdict.to, gate: verdictFigures(verdict) });
 */
export function verdictFigures(verdict: GateVerdict): VerdictFigures {
  const { simulation, divergence, timing } = verdict;
  return {
    ticks: simulation === undefined ? 0 : Math.round(simulation.candidateS * simulation.rateHz),
    elapsedMs: timing.wallMs,
    metrics: {
      simulatedS: simulation?.candidateS ?? null,
      speedTimesRealTime: timing.speed > 0 ? timing.speed : null,
      workerStartMs: timing.workerStartMs,
      maxPoseDivergenceM: divergence?.poseM.max ?? null,
      maxHeadingDivergenceRad: divergence?.headingRad.max ?? null,
      maxCommandDivergenceRadPerS: divergence?.commandRadPerS.max ?? null,
      tickP99Us: timing.candidateTicks?.p99Us ?? null,
      tickMaxUs: timing.candidateTicks?.maxUs ?? null,
    },
  };
}
