import type { VirtualTimeScheduler } from 'rxjs';
import { LoopUsageError } from './loop-usage-error';
import type { LoopState } from './tick-loop-options';

/**
 * Runs a started loop on virtual time until it stops: flushes the scheduler,
 * lets promise continuations run (a `read` or `write` that returned a
 * promise), flushes again, and so on. The loop must stop by itself: a phase
 * calls `stop()` at the tick wanted, or the fault policy stops it. (A loop
 * whose phases are all synchronous can be driven by `scheduler.flush()`
 * alone.)
 *
 * @example
 * const scheduler = new VirtualTimeScheduler();
 * const loop = new TickLoop({ ...phases, boundary: (t) => t.index === 999 && void loop.stop() }, { scheduler });
 * loop.start();
 * await runVirtual(scheduler, loop); // 1000 ticks, in a few ms of real time
 */
export async function runVirtual(scheduler: VirtualTimeScheduler, loop: { readonly state: LoopState }): Promise<void> {
  if (loop.state === 'idle') throw new LoopUsageError('runVirtual failed: the loop is idle; call loop.start() first');
  const stopped = (): boolean => loop.state === 'stopped';
  while (!stopped()) {
    scheduler.flush();
    if (stopped()) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
