/**
 * How many whole fixed steps of `step` seconds fit in `time` seconds. The
 * tolerance keeps a time like 0.003 (= 5.999… steps of 0.5 ms in binary) on
 * step 6. NaN gives NaN, which no step count reaches.
 * Runs every tick: must not allocate.
 *
 * @example
 * wholeSteps(0.003, 0.0005); // 6
 */
export function wholeSteps(time: number, step: number): number {
  return Math.floor(time / step + 1e-6);
}
