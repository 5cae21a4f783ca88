/** Work cut into steps: a generator that yields between small units of work and returns its result. */
export type Steps<T = void> = Generator<void, T, void>;

/**
 * Runs `steps` to the end at once and returns its result (the synchronous
 * path of work that can also be spread over slices).
 *
 * @example
 * const seen = finishSteps(walkGraphSteps([root], visit));
 */
export function finishSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return step.value;
}

/**
 * Runs `steps` until `shouldYield()` returns true (asked before each step)
 * or they are done; returns whether they are done.
 *
 * @example
 * while (!advanceSteps(steps, () => performance.now() > sliceEnd)) await nextSlack();
 */
export function advanceSteps(steps: Steps<unknown>, shouldYield: () => boolean): boolean {
  while (!shouldYield()) if (steps.next().done === true) return true;
  return false;
}
