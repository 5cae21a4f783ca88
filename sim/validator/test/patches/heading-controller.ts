// Test fixtures: versions of the mission's heading PID (class `Pid`, version
// 0 -> 1) that behave well or badly on purpose, for the gate to judge.
import { Behaviour, Pid, wrapAngle } from '@tickswap/behaviours';
import type { PatchStep, ReplaceClass } from '@tickswap/dsu';
import type { GatedPatch, GateSpec } from '../../src';

/** What a fixture does to the controller's output, given the seconds it has run since the commit. */
export type OutputHook = (output: number, elapsedS: number) => number;

/** A version 1 of `Pid` whose update is a plain proportional heading controller, passed through `hook`. */
function headingController(hook: OutputHook) {
  return class HeadingController extends Behaviour<number, number> {
    static readonly fields = [...Pid.fields, 'elapsed'] as const;
    kp = 0;
    ki = 0;
    kd = 0;
    outputMin = Number.NEGATIVE_INFINITY;
    outputMax = Number.POSITIVE_INFINITY;
    angular = false;
    setpoint = 0;
    integral = 0;
    previousMeasurement = 0;
    hasPrevious = false;
    skippedTime = 0;
    output = 0;
    elapsed = 0;

    update(measurement: number, dt: number): number {
      this.elapsed += dt;
      const error = this.angular ? wrapAngle(this.setpoint - measurement) : this.setpoint - measurement;
      this.output = Math.min(this.outputMax, Math.max(this.outputMin, this.kp * error + this.integral));
      return hook(this.output, this.elapsed);
    }
  };
}

/** What else a fixture patch declares. */
export interface FixtureOptions {
  readonly gate?: GateSpec;
  readonly transform?: ReplaceClass['transform'];
  /** `'1'` for a patch 1 -> 2 that replaces a heading controller by another (default `'0'`: it replaces the shipped `Pid`). */
  readonly from?: '0' | '1';
}

/**
 * The patch that puts a {@link headingController} in place of every `Pid`
 * (0 -> 1), or of every heading controller (1 -> 2).
 *
 * @example
 * export const patch = headingControllerPatch((output) => output, { gate: { checks: [{ kind: 'near-square', toleranceM: 0.2 }] } });
 */
export function headingControllerPatch(hook: OutputHook, options: FixtureOptions = {}): GatedPatch<PatchStep> {
  const { gate, transform, from = '0' } = options;
  const change: ReplaceClass = {
    kind: 'replace',
    code: headingController(hook),
    ...(from === '0' ? { add: { elapsed: { value: 0 } } } : {}),
    ...(transform === undefined ? {} : { transform }),
  };
  return { from, to: String(Number(from) + 1), classes: { Pid: change }, ...(gate === undefined ? {} : { gate }) };
}
