import { VirtualTimeScheduler } from 'rxjs';
import { TickLoop } from '../src/tick-loop';
import type { TickLoopOptions } from '../src/tick-loop-options';
import type { TickContext, TickPhases } from '../src/tick-phases';

/** Phases that do nothing unless overridden; `stopAt` stops the loop in the boundary of that tick index. */
export interface TestPhases extends Partial<TickPhases> {
  readonly stopAt?: number;
}

/** A loop on a fresh `VirtualTimeScheduler`; phases may push virtual time forward with `advance`. */
export function virtualLoop(
  phases: TestPhases = {},
  options: Omit<TickLoopOptions, 'scheduler'> = {},
): { loop: TickLoop; scheduler: VirtualTimeScheduler; calls: string[] } {
  const scheduler = new VirtualTimeScheduler();
  const calls: string[] = [];
  const log = (phase: string, tick: TickContext) => calls.push(`${tick.index}:${phase}`);
  const loop: TickLoop = new TickLoop(
    {
      read: (tick) => {
        log('read', tick);
        return phases.read?.(tick);
      },
      update: (tick) => {
        log('update', tick);
        phases.update?.(tick);
      },
      write: (tick) => {
        log('write', tick);
        return phases.write?.(tick);
      },
      boundary: (tick) => {
        log('boundary', tick);
        phases.boundary?.(tick);
        if (tick.index === phases.stopAt) void loop.stop();
      },
    },
    { scheduler, ...options },
  );
  return { loop, scheduler, calls };
}

/** Simulates work that takes `ms` of virtual time (a slow phase). */
export function advance(scheduler: VirtualTimeScheduler, ms: number): void {
  scheduler.frame += ms;
}

/** A promise that resolves `ms` of virtual time from now (a bus answering later). */
export function after(scheduler: VirtualTimeScheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.schedule(() => resolve(), ms));
}

/** Phases that do nothing. */
export function idlePhases(): TickPhases {
  const nothing = (): void => undefined;
  return { read: nothing, update: nothing, write: nothing, boundary: nothing };
}
