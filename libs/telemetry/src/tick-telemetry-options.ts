import { asyncScheduler, type SchedulerLike } from 'rxjs';
import { TelemetryConfigError } from './telemetry-config-error';
import type { TickSource } from './tick-source';

/** What a `TickTelemetry` reads and how often. */
export interface TickTelemetryOptions {
  /** The loop (a `TickLoop`). */
  readonly loop: TickSource;
  /**
   * When to read the loop, between ticks (default RxJS `asyncScheduler`,
   * Node timers). Tests pass the loop's `VirtualTimeScheduler`; on the robot,
   * not the loop's `PreciseScheduler`, whose waits are active.
   */
  readonly scheduler?: SchedulerLike;
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
export type TickTelemetrySettings = Required<TickTelemetryOptions>;

const METHOD = 'TickTelemetry#constructor';

/**
 * Applies the defaults and checks that a window fits in the loop's ring:
 * the ring must still hold a window's first tick when its last tick has
 * been run and one more interval has passed.
 *
 * @example
 * tickTelemetrySettings({ loop }).intervalMs; // 1000
 */
export function tickTelemetrySettings(options: TickTelemetryOptions): TickTelemetrySettings {
  const settings: TickTelemetrySettings = {
    loop: options.loop,
    scheduler: options.scheduler ?? asyncScheduler,
    intervalMs: options.intervalMs ?? 1000,
    windowBefore: options.windowBefore ?? 200,
    windowAfter: options.windowAfter ?? 800,
    markGraceTicks: options.markGraceTicks ?? 100,
    maxPending: options.maxPending ?? 8,
    sinkQueueLimit: options.sinkQueueLimit ?? 64,
    historyLength: options.historyLength ?? 120,
  };
  if (!(settings.intervalMs > 0 && Number.isFinite(settings.intervalMs))) {
    throw new TelemetryConfigError(`${METHOD} failed: intervalMs must be a positive number of ms, got ${settings.intervalMs}`);
  }
  for (const name of ['windowBefore', 'windowAfter', 'markGraceTicks', 'maxPending', 'sinkQueueLimit', 'historyLength'] as const) {
    const value = settings[name];
    const least = name === 'maxPending' || name === 'sinkQueueLimit' ? 1 : 0;
    if (!Number.isInteger(value) || value < least) {
      throw new TelemetryConfigError(`${METHOD} failed: ${name} must be an integer >= ${least}, got ${value}`);
    }
  }
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
