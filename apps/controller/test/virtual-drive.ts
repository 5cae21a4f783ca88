import type { VirtualTimeScheduler } from 'rxjs';

/**
 * Advances virtual time `stepMs` per turn of the event loop while `going()`
 * holds, so that a controller on virtual time keeps ticking while real
 * asynchronous work (a gate's worker thread, a file) goes on.
 *
 * @example
 * await driveWhile(scheduler, () => printed.length === 0);
 */
export async function driveWhile(scheduler: VirtualTimeScheduler, going: () => boolean, stepMs = 5): Promise<void> {
  while (going()) {
    scheduler.maxFrames = scheduler.now() + stepMs;
    scheduler.flush();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * {@link driveWhile} the promise is pending; its outcome.
 *
 * @example
 * const figures = await driveUntil(scheduler, pipeline.gate(verified));
 */
export async function driveUntil<T>(scheduler: VirtualTimeScheduler, promise: Promise<T>): Promise<T> {
  let pending = true;
  const settled = promise.finally(() => (pending = false));
  settled.catch(() => undefined);
  await driveWhile(scheduler, () => pending);
  return settled;
}
