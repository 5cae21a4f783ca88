// Classes shared by the specs: a PID controller in two versions (`ki` renamed
// to `gain`, `bias` added), as a robot behaviour library would ship them.
// A commit turns the old class's prototype into migrating stubs for good, so
// every test builds its own classes.
import { Namespace } from '../namespace';
import type { PatchStep } from '../patch';

/** A PID of version 2 as the specs read it (old references are typed as version 1). */
export interface PidV2State {
  kp: number;
  gain: number;
  integral: number;
  previous: number;
  bias: number;
  step(error: number): number;
}

/**
 * Reads an object the specs expect to be a version-2 PID.
 *
 * @example
 * asV2(live.root.pid).gain;
 */
export function asV2(value: unknown): PidV2State {
  return value as PidV2State;
}

/** The PID law both versions share; only the integral gain's name and the bias differ. */
function control(pid: { kp: number; kd: number; integral: number; previous: number }, gain: number, bias: number, error: number): number {
  const derivative = error - pid.previous;
  pid.integral += error;
  pid.previous = error;
  return pid.kp * error + gain * pid.integral + pid.kd * derivative + bias;
}

/**
 * Fresh PID classes, namespace version 1 and the patch 1 -> 2.
 *
 * @example
 * const { Pid, namespace, patch } = pidWorld();
 */
export function pidWorld() {
  class Pid {
    static readonly fields = ['kp', 'ki', 'kd', 'integral', 'previous', 'limit'] as const;
    static readonly staticFields = ['created'] as const;
    static created = 0;
    kp: number;
    ki = 0.5;
    kd = 0.1;
    integral = 0;
    previous = 0;
    limit = 10;
    constructor(kp = 1) {
      this.kp = kp;
      Pid.created++;
    }
    step(error: number): number {
      return control(this, this.ki, 0, error);
    }
  }

  class PidV2 {
    static readonly fields = ['kp', 'gain', 'kd', 'integral', 'previous', 'limit', 'bias'] as const;
    static readonly staticFields = ['created'] as const;
    static created = 0;
    // The specs only ever get version-2 PIDs by migration: fields are declared, not initialised.
    declare kp: number;
    declare gain: number;
    declare kd: number;
    declare integral: number;
    declare previous: number;
    declare limit: number;
    declare bias: number;
    step(error: number): number {
      return control(this, this.gain, this.bias, error);
    }
  }

  class Wheel {
    static readonly fields = ['name', 'pid'] as const;
    constructor(
      public name: string,
      public pid: Pid | PidV2,
    ) {}
  }

  const patch: PatchStep = {
    from: '1',
    to: '2',
    classes: { Pid: { kind: 'replace', code: PidV2, rename: { ki: 'gain' }, add: { bias: { value: 0 } } } },
  };
  return { Pid, PidV2, Wheel, namespace: Namespace.of('1', { Pid, Wheel }), patch };
}
