import type { TickRecord } from '@tickswap/control-loop';
import { asyncScheduler, type Observable, type SchedulerLike } from 'rxjs';
import { checkOption, withDefaults } from './check-option';
import type { TickSource } from './tick-source';

/** The loop a `SlackRunner` follows: a `TickLoop` is one. */
export interface TickingSource extends TickSource {
  /** Each tick's record, after its boundary. */
  readonly ticks$: Observable<TickRecord>;
}

/** Where and how much a `SlackRunner` works. */
export interface SlackRunnerOptions {
  readonly loop: TickingSource;
  /** The loop's scheduler: slices run on it, timed by its clock. */
  readonly scheduler: SchedulerLike;
  /** Longest slice after a tick, ms (default 0.5: half the slack of a 1 kHz tick; fewer, fuller slices disturb fewer ticks' caches). */
  readonly maxSliceMs?: number;
  /** A slice stops this long before the next tick is due at the latest, ms (default 0.1). */
  readonly guardMs?: number;
  /** One-off jobs that may wait (default 256); more are dropped, counted. */
  readonly maxQueued?: number;
  /** With no tick for this long while the loop runs (it stalled), the periodic jobs run anyway, ms (default 2000). */
  readonly watchdogMs?: number;
  /** The scheduler of that watch (default `asyncScheduler`; tests pass their virtual one). */
  readonly watchdog?: SchedulerLike;
}

/** {@link SlackRunnerOptions} with the defaults applied, checked. */
export type SlackRunnerSettings = Required<SlackRunnerOptions>;

/**
 * Applies the defaults and checks the budget.
 *
 * @example
 * slackRunnerSettings({ loop, scheduler }).maxSliceMs; // 0.5
 */
export function slackRunnerSettings(options: SlackRunnerOptions): SlackRunnerSettings {
  const settings: SlackRunnerSettings = withDefaults(options, { maxSliceMs: 0.5, guardMs: 0.1, maxQueued: 256, watchdogMs: 2000, watchdog: asyncScheduler });
  const method = 'SlackRunner#constructor';
  checkOption(method, 'maxSliceMs', settings.maxSliceMs, 'positive', 'ms');
  checkOption(method, 'guardMs', settings.guardMs, 'non-negative', 'ms');
  checkOption(method, 'watchdogMs', settings.watchdogMs, 'positive', 'ms');
  checkOption(method, 'maxQueued', settings.maxQueued, 1, 'jobs');
  return settings;
}
