/**
 * How a {@link PreciseScheduler} waits for a deadline:
 *
 * | mode | waits by | lateness | CPU |
 * | --- | --- | --- | --- |
 * | `'precise'` | sleeping (`setTimeout`) until 2 ms before the deadline, then waiting actively | µs | one core busy at periods ≤ 2 ms |
 * | `'balanced'` | sleeping until 0.5 ms before, then waiting actively | µs when the timer wakes in time, up to ~1 ms when it oversleeps | a fraction of a core |
 * | `'efficient'` | sleeping only | up to ~1 ms and more (timers have 1 ms granularity) | low |
 *
 * Waiting actively spins in short slices and yields (`setImmediate`) between
 * them, so the event loop keeps serving I/O (MQTT, serial). Node's timers
 * count whole milliseconds and may fire up to about 1 ms early or late, hence
 * the 2 ms window of `'precise'`; at 1 kHz no timer is shorter than a period,
 * so `'balanced'` pays off at lower rates (at 100 Hz it sleeps 9.5 ms of 10).
 * `docs/benchmarks.md` (suite `loop`) has the measured figures.
 */
export type TimingMode = 'precise' | 'balanced' | 'efficient';

/**
 * The yield window of each {@link TimingMode} (ms): the scheduler sleeps until
 * this long before a deadline and yields from then on.
 *
 * @example
 * TIMING_MODES.precise; // 2
 */
export const TIMING_MODES: Readonly<Record<TimingMode, number>> = {
  precise: 2,
  balanced: 0.5,
  efficient: 0,
};
