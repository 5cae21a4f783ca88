import { LiveSystem, Namespace, type PatchStep } from '@tickswap/dsu';
import { VirtualTimeScheduler } from 'rxjs';
import type { HotSwapOptions } from '../src/hot-swap-options';
import { HotSwap } from '../src/hot-swap';
import { OutputRejectedError } from '../src/output-rejected-error';
import { TickLoop } from '../src/tick-loop';
import type { TickContext } from '../src/tick-phases';

/** How the new version misbehaves once it runs. */
export type Fault = 'none' | 'throw' | 'nan' | 'out-of-limit' | 'slow';

/** What both versions of the rig's controller offer the loop. */
export interface RigPid {
  version(): string;
  step(error: number, dt: number): number;
}

/** Outputs beyond this are rejected by the rig's host check (the "motor limit"). */
export const LIMIT = 100;

/**
 * Two versions of a small PID: version 2 renames `integral` to `integralSum`
 * and adds `integralLimit`; `fault` makes version 2 misbehave from its first
 * step. Fresh classes every call (a commit turns old prototypes into stubs).
 */
export function pidVersions(fault: Fault, scheduler: VirtualTimeScheduler) {
  class Pid implements RigPid {
    static readonly fields = ['kp', 'integral', 'output'] as const;
    kp = 2;
    integral = 0;
    output = 0;
    version(): string {
      return '1';
    }
    step(error: number, dt: number): number {
      this.integral += error * dt;
      this.output = this.kp * error + this.integral;
      return this.output;
    }
  }
  class PidV2 implements RigPid {
    static readonly fields = ['kp', 'integralSum', 'integralLimit', 'output'] as const;
    kp = 2;
    integralSum = 0;
    integralLimit = 10;
    output = 0;
    version(): string {
      return '2';
    }
    step(error: number, dt: number): number {
      if (fault === 'throw') throw new Error('PidV2#step: gain table missing');
      if (fault === 'slow') scheduler.frame += 1.5;
      this.integralSum = Math.min(this.integralLimit, this.integralSum + error * dt);
      this.output = fault === 'nan' ? Number.NaN : fault === 'out-of-limit' ? 1e6 : this.kp * error + this.integralSum;
      return this.output;
    }
  }
  const inverse: PatchStep = { from: '2', to: '1', classes: { Pid: { kind: 'replace', code: Pid, rename: { integralSum: 'integral' }, remove: ['integralLimit'] } } };
  const forward = { from: '1', to: '2', classes: { Pid: { kind: 'replace', code: PidV2, rename: { integral: 'integralSum' }, add: { integralLimit: { value: 10 } } } } } as const;
  return { Pid, PidV2, patch: { ...forward, inverse } as PatchStep, withoutInverse: forward as PatchStep };
}

/** What the rig saw of one tick. */
export interface TickSeen {
  readonly index: number;
  /** The loop's version during the tick. */
  readonly version: number;
  /** The version of each controller instance the tick used. */
  readonly used: readonly string[];
  /** Outputs written to the "motors"; undefined when the tick's write was skipped. */
  written: readonly number[] | undefined;
}

/** Options of {@link hotSwapRig}. */
export interface RigOptions {
  readonly fault?: Fault;
  readonly swap?: HotSwapOptions;
  /** Stops the loop at the boundary of this tick (default 60). */
  readonly stopAt?: number;
  readonly instances?: number;
  /** Extra boundary work of the host, after the hot swap's. */
  readonly boundary?: (tick: TickContext) => void;
  /** Extra update work of the host, before the controllers run. */
  readonly update?: (tick: TickContext) => void;
  /** The loop's clock (default a fresh VirtualTimeScheduler). */
  readonly scheduler?: VirtualTimeScheduler;
}

/**
 * A loop at 1 kHz on virtual time running a few PIDs held by a LiveSystem,
 * with a host check that rejects NaN and out-of-limit outputs, a hot swap,
 * and a record of what every tick used and wrote.
 */
export function hotSwapRig(options: RigOptions = {}) {
  const scheduler = options.scheduler ?? new VirtualTimeScheduler();
  const versions = pidVersions(options.fault ?? 'none', scheduler);
  const root = { pids: Array.from({ length: options.instances ?? 3 }, () => new versions.Pid() as RigPid) };
  const live = new LiveSystem(Namespace.of('1', { Pid: versions.Pid }), root);
  const swap = new HotSwap(live, { watchTicks: 20, warmUpRounds: 1, ...options.swap });
  const seen: TickSeen[] = [];
  const outputs = new Float64Array(root.pids.length);
  const loop: TickLoop = new TickLoop(
    {
      read: () => undefined,
      update: (tick) => {
        options.update?.(tick);
        const used = live.root.pids.map((pid) => pid.version());
        seen.push({ index: tick.index, version: tick.version, used, written: undefined });
        live.root.pids.forEach((pid, index) => (outputs[index] = pid.step(1, tick.dt)));
        for (const output of outputs) {
          if (Number.isNaN(output)) throw new OutputRejectedError('nan', `rig update failed in tick ${tick.index}: an output is NaN`);
          if (Math.abs(output) > LIMIT) throw new OutputRejectedError('out-of-limit', `rig update failed in tick ${tick.index}: output ${output} beyond ±${LIMIT}`);
        }
      },
      write: () => void ((seen.at(-1) as TickSeen).written = [...outputs]),
      boundary: (tick) => {
        swap.boundary(tick);
        options.boundary?.(tick);
        if (tick.index === (options.stopAt ?? 60)) void loop.stop();
      },
    },
    { scheduler, rateHz: 1000, version: 1, maxConsecutiveFaults: Infinity },
  );
  swap.attach(loop);
  /** Requests `patch` at virtual time `atMs`; the promise resolves with the outcome. */
  const requestAt = (atMs: number, patch = versions.patch, policy: 'eager' | 'prepared' | 'lazy' = 'prepared') =>
    new Promise<Awaited<ReturnType<HotSwap['request']>>>((resolve) => scheduler.schedule(() => void swap.request(patch, { policy }).then(resolve), atMs));
  return { scheduler, versions, root, live, swap, loop, seen, requestAt };
}
