import { Namespace, type PatchStep } from '@tickswap/dsu';

/** What the benchmark's PIDs of both versions have in common. */
export interface BenchPid {
  integral: number;
  step(error: number): number;
}

interface Terms {
  kp: number;
  kd: number;
  integral: number;
  previous: number;
  limit: number;
}

function control(pid: Terms, gain: number, bias: number, error: number): number {
  pid.integral += error;
  const out = pid.kp * error + gain * pid.integral + pid.kd * (error - pid.previous) + bias;
  pid.previous = error;
  return out > pid.limit ? pid.limit : out < -pid.limit ? -pid.limit : out;
}

/**
 * Fresh classes of a 6-field PID in two versions (`ki` renamed to `gain`,
 * `bias` added), the namespace of version 1 and the patch. Fresh for every
 * run: a commit turns the old class's prototype into migrating stubs for good.
 *
 * @example
 * const { Pid, PidV2, namespace, patch } = pidVersions();
 */
export function pidVersions() {
  class Pid implements BenchPid {
    static readonly fields = ['kp', 'ki', 'kd', 'integral', 'previous', 'limit'] as const;
    ki = 0.5;
    kd = 0.1;
    integral = 0;
    previous = 0;
    limit = 10;
    constructor(public kp: number) {}
    step(error: number): number {
      return control(this, this.ki, 0, error);
    }
  }
  class PidV2 implements BenchPid {
    static readonly fields = ['kp', 'gain', 'kd', 'integral', 'previous', 'limit', 'bias'] as const;
    gain = 0.5;
    kd = 0.1;
    integral = 0;
    previous = 0;
    limit = 10;
    bias = 0;
    constructor(public kp: number) {}
    step(error: number): number {
      return control(this, this.gain, this.bias, error);
    }
  }
  const patch: PatchStep = { from: '1', to: '2', classes: { Pid: { kind: 'replace', code: PidV2, rename: { ki: 'gain' }, add: { bias: { value: 0 } } } } };
  return { Pid, PidV2, patch, namespace: Namespace.of('1', { Pid }) };
}

/**
 * A tick over PIDs, compiled anew so that each set of objects gets its own
 * call site and type feedback (a shared loop would turn polymorphic and
 * measure the mix, not the objects).
 *
 * @example
 * const tick = compileTick();
 * tick(pids, 0.01);
 */
export function compileTick(): (pids: readonly BenchPid[], error: number) => number {
  return new Function('pids', 'error', 'let sum = 0; for (let i = 0; i < pids.length; i++) sum += pids[i].step(error); return sum;') as (
    pids: readonly BenchPid[],
    error: number,
  ) => number;
}

/**
 * Seconds taken by `run`, from the monotonic clock.
 *
 * @example
 * const seconds = timed(() => update.commit());
 */
export function timed(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}
