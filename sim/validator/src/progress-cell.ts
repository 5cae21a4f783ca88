/** What the gate's worker is doing, in order. */
export const GATE_PHASES = ['starting', 'loading', 'migrating', 'shadow', 'candidate', 'checking', 'done'] as const;
export type GatePhase = (typeof GATE_PHASES)[number];

/** Where a gate run is: its phase and, in a run, the simulated time reached. */
export interface GateProgress {
  readonly phase: GatePhase;
  /** Simulated seconds reached by the run in progress (0 outside the runs). */
  readonly simulatedS: number;
  readonly horizonS: number;
}

const PHASE = 0;
const TICK = 1;
const TICKS = 2;
const RATE = 3;
// Rates are kept in mHz: an Int32Array holds them exactly enough, and Atomics need integers.
const MILLI = 1000;

/**
 * The gate worker's progress in shared memory: the worker writes its phase
 * and the tick it is on, the host reads them at any time, even while the
 * worker is stuck in a tick (an infinite loop never posts a message, but the
 * tick it started is here). A few stores per tick, no message, no allocation.
 *
 * @example
 * const cell = new ProgressCell();              // host side
 * new Worker(file, { workerData: { progress: cell.buffer } });
 * new ProgressCell(workerData.progress).tick(41); // worker side
 * cell.read(); // { phase: 'candidate', simulatedS: 0.041, horizonS: 10 }
 */
export class ProgressCell {
  private readonly cells: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT)) {
    this.cells = new Int32Array(buffer);
  }

  /** Enters `phase`; `ticks` at `rateHz` is the horizon of the runs. */
  enter(phase: GatePhase, ticks = Atomics.load(this.cells, TICKS), rateHz = Atomics.load(this.cells, RATE) / MILLI): void {
    Atomics.store(this.cells, TICKS, ticks);
    Atomics.store(this.cells, RATE, Math.round(rateHz * MILLI));
    Atomics.store(this.cells, TICK, 0);
    Atomics.store(this.cells, PHASE, GATE_PHASES.indexOf(phase));
  }

  /** Starts tick `index` of the run in progress. Runs every simulated tick: must not allocate. */
  tick(index: number): void {
    Atomics.store(this.cells, TICK, index);
  }

  /** The phase, and the time of the tick started last. */
  read(): GateProgress {
    const rate = Atomics.load(this.cells, RATE) / MILLI || 1;
    return {
      phase: GATE_PHASES[Atomics.load(this.cells, PHASE)] ?? 'starting',
      simulatedS: Atomics.load(this.cells, TICK) / rate,
      horizonS: Atomics.load(this.cells, TICKS) / rate,
    };
  }
}
