import { wrapAngle } from '@tickswap/behaviours';
import type { GateSignal } from './gate-checks';
import type { Trajectory } from './trajectory';

/** Both runs of a gate. */
export interface RunPair {
  readonly candidate: Trajectory;
  readonly shadow: Trajectory;
}

/** The units a signal is in, for figures. */
export const SIGNAL_UNITS: Readonly<Record<GateSignal, string>> = {
  'path-error': 'm',
  'pose-divergence': 'm',
  'heading-divergence': 'rad',
  'command-divergence': 'rad/s',
};

/** Distance from (x, y) to the outline of the square [0, side]². */
function toSquare(x: number, y: number, side: number): number {
  const outside = Math.hypot(Math.max(0, -x, x - side), Math.max(0, -y, y - side));
  return outside > 0 ? outside : Math.min(x, side - x, y, side - y);
}

/** One value per tick the candidate ran, from the value at each tick both ran; NaN where the shadow had stopped. */
function perTick(runs: RunPair, value: (k: number) => number): Float64Array {
  const both = Math.min(runs.candidate.length, runs.shadow.length);
  return Float64Array.from({ length: runs.candidate.length }, (_, k) => (k < both ? value(k) : Number.NaN));
}

function commandDifference(runs: RunPair, k: number): number {
  let largest = 0;
  for (let motor = 0; motor < runs.candidate.motors; motor++) largest = Math.max(largest, Math.abs(runs.candidate.command(k, motor) - runs.shadow.command(k, motor)));
  return largest;
}

/**
 * A signal of the candidate's run, one value per tick (see `GateSignal`).
 * `side` is the square's side, needed by `path-error` only; throws an Error
 * saying what to give when it is missing.
 *
 * @example
 * signalOf('pose-divergence', { candidate, shadow }, undefined)[5000]; // m apart 5 s after the snapshot
 */
export function signalOf(name: GateSignal, runs: RunPair, side: number | undefined): Float64Array {
  const { candidate: c, shadow: s } = runs;
  switch (name) {
    case 'path-error': {
      if (side === undefined) throw new Error("path-error needs the square's side: the state holds no mission with a 'sideLength'; give the check a 'sideM'");
      return Float64Array.from({ length: c.length }, (_, k) => toSquare(c.x[k] as number, c.y[k] as number, side));
    }
    case 'pose-divergence':
      return perTick(runs, (k) => Math.hypot((c.x[k] as number) - (s.x[k] as number), (c.y[k] as number) - (s.y[k] as number)));
    case 'heading-divergence':
      return perTick(runs, (k) => Math.abs(wrapAngle((c.theta[k] as number) - (s.theta[k] as number))));
    case 'command-divergence':
      return perTick(runs, (k) => commandDifference(runs, k));
  }
}
