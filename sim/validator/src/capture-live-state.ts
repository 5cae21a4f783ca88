import { toSnapshot, type LiveSystem } from '@tickswap/dsu';
import type { LiveState, MotorState } from './gate-request';

/**
 * A copy of the live state for the gate: the running state as a dsu
 * snapshot and the motors' readings of the same tick. Call it between two
 * ticks (the controller does so when the loop emits a tick's record, after
 * its boundary): lazy migrations still pending are settled first, so that
 * every instance is of the running version. Costs a walk of the state
 * (per object) on the caller's thread; allocates the snapshot.
 *
 * @example
 * loop.ticks$.pipe(take(1)).subscribe(() => resolve(captureLiveState(controller.live, controller.readings)));
 */
export function captureLiveState(live: LiveSystem<object>, readings: MotorState): LiveState {
  live.settle();
  return { snapshot: toSnapshot(live.root, live.namespace), readings: { position: Array.from(readings.position), velocity: Array.from(readings.velocity) } };
}
