import { Behaviour } from './behaviour';
import { checkedSetting } from './behaviour-config-error';

/**
 * Runs a behaviour every `every`-th tick of the loop (a 50 Hz planner on a
 * 1 kHz loop: `every` 20) and holds its output in the ticks between: the
 * ticks of one *cycle* (the tick it runs in and the `every - 1` ticks after)
 * all use the output computed in its first tick. The inner behaviour gets
 * the time since its previous run as its `dt` (the sum of the cycle's `dt`s;
 * a tick whose `dt` is not a positive finite number adds nothing).
 *
 * **Idle**, for hot swap: `idle` is true at a tick boundary when the tick
 * after it starts a new cycle (the inner behaviour runs in it, before any
 * consumer reads the output). Then no output computed by the running version
 * is used by any later tick, and no computation of the inner behaviour is in
 * progress: an update that changes this behaviour or anything it runs can
 * commit at that boundary and the first tick of the new version computes a
 * fresh output with the new code. At any other boundary the held output would
 * be consumed by ticks of the new version, so such an update must wait.
 * A new `MultiRate` is idle (its first tick runs the inner behaviour). If the
 * inner behaviour throws, the cycle does not start: it is tried again next tick.
 *
 * @example
 * const planner = new MultiRate(new PathPlanner(map), 20); // 50 Hz on a 1 kHz loop
 * const goal = planner.update(pose, 0.001); // recomputed in ticks 0, 20, 40, ...
 * planner.idle; // true at the boundaries after ticks 19, 39, ...
 */
export class MultiRate<TInput, TOutput> extends Behaviour<TInput, TOutput> {
  /** Its own instance fields, in declaration order, for hot swap. */
  static readonly fields = ['inner', 'every', 'countdown', 'elapsed', 'output'] as const;
  readonly inner: Behaviour<TInput, TOutput>;
  /** Ticks per cycle (≥ 1). */
  every: number;
  /** Ticks left in the current cycle after this one; 0 at a boundary means idle. */
  countdown = 0;
  /** Seconds since the inner behaviour last ran, this tick included. */
  elapsed = 0;
  /** The output of the inner behaviour's last run, used by every tick of the cycle. */
  output: TOutput | undefined = undefined;

  constructor(inner: Behaviour<TInput, TOutput>, every: number) {
    super();
    this.inner = inner;
    this.every = checkedSetting('MultiRate constructor', 'every', every, 'an integer >= 1 (ticks per cycle)', (n) => Number.isInteger(n) && n >= 1);
  }

  /**
   * Whether the next tick starts a new cycle (see the class doc: the
   * definition of idle). Read at a tick boundary: allocates nothing.
   */
  get idle(): boolean {
    return this.countdown === 0;
  }

  /**
   * Runs the inner behaviour when a cycle starts, and returns the cycle's output.
   * Runs every tick: must not allocate, must not block (the inner behaviour's
   * run costs what it costs, every `every`-th tick).
   */
  update(input: TInput, dt: number): TOutput {
    if (dt > 0 && dt < Number.POSITIVE_INFINITY) this.elapsed += dt;
    if (this.countdown === 0) {
      this.output = this.inner.update(input, this.elapsed);
      this.elapsed = 0;
      this.countdown = this.every;
    }
    this.countdown -= 1;
    return this.output as TOutput;
  }
}
