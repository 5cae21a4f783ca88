// Runs one patch on a fresh live system with a given policy, the way a host would:
// prepare between ticks, commit at the boundary.
import type { AnyClass } from '../class-descriptor';
import { LiveSystem } from '../live-system';
import { Namespace } from '../namespace';
import type { Patch } from '../patch';
import type { Policy } from '../update-host';

/** Every policy, for `describe.each`. */
export const POLICIES: readonly Policy[] = ['eager', 'prepared', 'lazy'];

/**
 * Builds a live system of version '1' over `classes` and `root`, applies
 * `patch` with `policy`, validates and settles; returns the system.
 *
 * @example
 * const live = runUpdate({ Pid }, { pid: new Pid() }, patch, 'lazy');
 */
export function runUpdate<Root extends object>(
  classes: Readonly<Record<string, AnyClass>>,
  root: Root,
  patch: Patch,
  policy: Policy,
  globals: Record<string, unknown> = {},
): LiveSystem<Root> {
  const live = new LiveSystem(Namespace.of('1', classes, globals), root);
  live.prepare(patch, { policy }).commit();
  live.validate();
  return live;
}

/** Reads a field of a migrated object (the specs' old static types do not know new fields). */
export function field(value: unknown, name: string): unknown {
  return (value as Record<string, unknown>)[name];
}
