import { TickLoop, type TickContext, type TickLoopOptions } from '@tickswap/control-loop';
import { VirtualTimeScheduler } from 'rxjs';

/** What a trivial test loop does at some ticks: work that takes virtual time, a throw, a version change. */
export interface Script {
  /** Ticks to run (the loop stops itself after them). */
  readonly ticks: number;
  /** Virtual ms the update phase of a tick takes. */
  readonly updateMs?: (index: number) => number;
  /** Virtual ms the boundary of a tick takes, and the version it sets (a commit). */
  readonly boundary?: (tick: TickContext) => { readonly ms: number; readonly version?: number } | undefined;
  /** Ticks whose update throws. */
  readonly faultAt?: readonly number[];
}

/** A 1 kHz loop with trivial phases on virtual time, doing what `script` says. */
export function trivialLoop(script: Script, options: Omit<TickLoopOptions, 'scheduler'> = {}): { loop: TickLoop; scheduler: VirtualTimeScheduler } {
  const scheduler = new VirtualTimeScheduler();
  const spend = (ms: number): void => void (scheduler.frame += ms);
  const loop: TickLoop = new TickLoop(
    {
      read: () => undefined,
      update: (tick) => {
        spend(script.updateMs?.(tick.index) ?? 0);
        if (script.faultAt?.includes(tick.index)) throw new Error(`fault at ${tick.index}`);
      },
      write: () => undefined,
      boundary: (tick) => {
        const swap = script.boundary?.(tick);
        if (swap !== undefined) {
          spend(swap.ms);
          if (swap.version !== undefined) tick.version = swap.version;
        }
        if (tick.index === script.ticks - 1) void loop.stop();
      },
    },
    { scheduler, rateHz: 1000, maxConsecutiveFaults: Infinity, ...options },
  );
  return { loop, scheduler };
}
