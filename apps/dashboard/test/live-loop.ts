import { createTickRecord, PreciseScheduler, TickLoop } from '@tickswap/control-loop';
import { filter, firstValueFrom } from 'rxjs';

/** Spins for `ms`: the work of a commit, in real time. */
const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/**
 * A real-time 1 kHz loop ('balanced' timing) with trivial phases, at version 1,
 * whose boundary can be told to swap versions, as a hot swap would.
 */
export function liveLoop() {
  let pending: { version: number; pauseMs: number; done: (tick: number) => void } | undefined;
  const scheduler = new PreciseScheduler({ mode: 'balanced' });
  const loop = new TickLoop(
    {
      read: () => undefined,
      update: () => busy(0.005),
      write: () => undefined,
      boundary: (tick) => {
        if (pending === undefined) return;
        busy(pending.pauseMs);
        tick.version = pending.version;
        pending.done(tick.index);
        pending = undefined;
      },
    },
    { scheduler, rateHz: 1000, version: 1 },
  );
  return {
    loop,
    scheduler,
    /**
     * Swaps to `version` at the next boundary, in a boundary that takes
     * `pauseMs`; resolves once the tick after it has run, with the swapping
     * tick and its boundary's duration (what the hot-swap code reports).
     */
    async swap(version: number, pauseMs: number): Promise<{ tick: number; pauseMs: number }> {
      const tick = await new Promise<number>((done) => (pending = { version, pauseMs, done }));
      await firstValueFrom(loop.ticks$.pipe(filter((record) => record.index > tick)));
      return { tick, pauseMs: loop.records.read(tick, createTickRecord()).commit };
    },
  };
}
