/** What a measured stretch cost the process. */
export interface Usage {
  /** CPU time, user + system, every thread (ms). */
  readonly cpuMs: number;
  /** Wall time (ms). */
  readonly wallMs: number;
  /** Times the kernel took the CPU away from the process (involuntary context switches): other processes' doing. */
  readonly preemptions: number;
}

/** No usage: the start of a sum. */
export const NO_USAGE: Usage = { cpuMs: 0, wallMs: 0, preemptions: 0 };

/**
 * Starts measuring the process's resource use; the returned function reads
 * what was used since, added to `before` (to sum several stretches).
 *
 * @example
 * const usage = usageMeter();
 * await work();
 * usage(); // { cpuMs: 310, wallMs: 1000, preemptions: 12 }
 */
export function usageMeter(before: Usage = NO_USAGE): () => Usage {
  const cpuStart = process.cpuUsage();
  const switchesStart = process.resourceUsage().involuntaryContextSwitches;
  const wallStart = performance.now();
  return () => {
    const { user, system } = process.cpuUsage(cpuStart);
    return {
      cpuMs: before.cpuMs + (user + system) / 1000,
      wallMs: before.wallMs + performance.now() - wallStart,
      preemptions: before.preemptions + process.resourceUsage().involuntaryContextSwitches - switchesStart,
    };
  };
}
