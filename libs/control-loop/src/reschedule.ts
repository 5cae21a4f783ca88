import type { SchedulerAction, Subscription } from 'rxjs';

/**
 * Schedules the work of `action` again, `delay` ms from now, and returns the
 * subscription that cancels it. RxJS's own idiom (`this.schedule(state, delay)`
 * from inside the work) reuses the action on real-time schedulers, but a
 * `VirtualAction` rescheduled while running chains a new child action to
 * itself, so a long virtual run would keep every tick's action alive. The
 * child is detached here: the action that has run can be collected.
 *
 * @example
 * scheduler.schedule(function (this: SchedulerAction<void>) {
 *   handle = reschedule(this, undefined, 1);
 * });
 */
export function reschedule<T>(action: SchedulerAction<T>, state: T, delay: number): Subscription {
  const next = action.schedule(state, delay);
  if (next !== action) action.remove(next);
  return next;
}
