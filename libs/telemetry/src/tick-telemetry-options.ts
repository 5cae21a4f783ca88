import type { SchedulerLike } from 'rxjs';
import type { TickingSource } from './slack-runner-options';
import { checkOption, withDefaults } from './check-option';
import { TelemetryConfigError } from './telemetry-config-error';

/** What a `TickTelemetry` reads and how often. */
export interface TickTelemetryOptions {
  /** The loop (a `TickLoop`). */
  readonly loop: TickingSource;
  /** The loop's scheduler: telemetry works in the slack right after ticks, on it (see `SlackRunner`). */
  readonly scheduler: SchedulerLike;
  /** What watches for a stalled loop (default `asyncScheduler`; tests pass their virtual one). */
  readonly watchdog?: SchedulerLike;
  /** How often statistics are published, ms (default 1000). */
  readonly intervalMs?: number;
  /** Ticks before and after the swapping tick in an update's window (default 200 and 800). */
  readonly windowBefore?: number;
  readonly windowAfter?: number;
  /** Ticks an unmarked version change waits for its mark (default 100). */
  readonly markGraceTicks?: number;
  /** Updates and windows that may wait to be reported, each at most (default 8). */
  readonly maxPending?: number;
  /** Messages that may wait for each sink (default 64); more are dropped, counted. */
  readonly sinkQueueLimit?: number;
  /** Statistics messages kept for clients that connect later (default 120). */
  readonly historyLength?: number;
}

/** {@link TickTelemetryOptions} with every default applied, checked. */
export type TickTelemetrySettings = Required<Omit<TickTelemetryOptions, 'watchdog'>> & Pick<TickTelemetryOptions, 'watchdog'>;

const METHOD = 'TickTelemetry#constructor';

/**
 * Applies the defaults and checks that a window fits in the loop's ring:
 * the ring must still hold a window's first tick when its last tick has
 * been run and one more interval has passed.
 *
 * @example
 * tickTelemetrySettings({ loop, scheduler }).intervalMs; // 1000
 */
export function tickTelemetrySettings(options: TickTelemetryOptions): TickTelemetrySettings {
  const settings: TickTelemetrySettings = withDefaults(options, {
    intervalMs: 1000,
    windowBefore: 200,
    windowAfter: 800,
    markGraceTicks: 100,
    maxPending: 8,
    sinkQueueLimit: 64,
    historyLength: 120,
  });
  checkOption(METHOD, 'intervalMs', settings.intervalMs, 'positive', 'ms');
  checkOption(METHOD, 'windowBefore', settings.windowBefore, 0, 'ticks');
  checkOption(METHOD, 'windowAfter', settings.windowAfter, 0, 'ticks');
  checkOption(METHOD, 'markGraceTicks', settings.markGraceTicks, 0, 'ticks');
  checkOption(METHOD, 'maxPending', settings.maxPending, 1, 'updates and windows');
  checkOption(METHOD, 'sinkQueueLimit', settings.sinkQueueLimit, 1, 'messages');
  checkOption(METHOD, 'historyLength', settings.historyLength, 0, 'messages');
  const { loop, intervalMs, windowBefore, windowAfter, markGraceTicks } = settings;
  const ticksPerInterval = Math.ceil(intervalMs / loop.periodMs);
  const needed = windowBefore + windowAfter + markGraceTicks + 1 + ticksPerInterval;
  if (needed > loop.records.capacity) {
    throw new TelemetryConfigError(
      `${METHOD} failed: the loop's ring holds ${loop.records.capacity} ticks, but a window (${windowBefore} + 1 + ${windowAfter} ticks) ` +
        `read up to ${markGraceTicks} + ${ticksPerInterval} ticks late needs ${needed}; give the loop a recordCapacity of at least ${needed}, ` +
        `or shorten the window or intervalMs`,
    );
  }
  return settings;
}
