import type { LoopStatistics, TickRecords } from '@tickswap/control-loop';
import { createTickRecord } from '@tickswap/control-loop';

/** Where the robot is, for display (m, rad). */
export interface PoseView {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** The figures one status line shows. */
export interface StatusFigures {
  /** Ticks per second measured over the records shown. */
  readonly rateHz: number;
  /** 99th percentile of tick-start lateness over the records shown, µs. */
  readonly jitterP99Us: number;
  readonly missedPeriods: number;
  readonly faultedTicks: number;
  readonly version: number;
}

/**
 * Rate and tick-start jitter over the loop's recent records (the ring holds
 * the last seconds), so the line shows now, not the average since start.
 * Allocates: call it a few times a second, never from the loop.
 *
 * @example
 * const figures = recentFigures(loop.records, loop.statistics());
 */
export function recentFigures(records: TickRecords, statistics: LoopStatistics): StatusFigures {
  const into = createTickRecord();
  const lateness: number[] = [];
  let firstStart = Number.NaN;
  let lastStart = Number.NaN;
  for (let index = records.first; index < records.count; index++) {
    const record = records.read(index, into);
    lateness.push(record.actualStart - record.scheduledStart);
    if (Number.isNaN(firstStart)) firstStart = record.actualStart;
    lastStart = record.actualStart;
  }
  lateness.sort((a, b) => a - b);
  const p99 = lateness.length > 0 ? (lateness[Math.ceil(0.99 * lateness.length) - 1] as number) : Number.NaN;
  const spanMs = lastStart - firstStart;
  return {
    rateHz: spanMs > 0 ? ((lateness.length - 1) * 1000) / spanMs : 0,
    jitterP99Us: p99 * 1000,
    missedPeriods: statistics.missedPeriods,
    faultedTicks: statistics.faultedTicks,
    version: statistics.version,
  };
}

/**
 * One status line: tick rate, tick-start jitter p99, missed ticks, pose, version.
 *
 * @example
 * formatStatus(figures, { x: 0.5, y: 0, theta: 0 });
 * // 'tick 1000.0 Hz | jitter p99 4.1 µs | missed 0 | faults 0 | pose x 0.500 y 0.000 θ 0° | version 0'
 */
export function formatStatus(figures: StatusFigures, pose: PoseView): string {
  const degrees = ((((pose.theta * 180) / Math.PI) % 360) + 360) % 360;
  return [
    `tick ${figures.rateHz.toFixed(1)} Hz`,
    `jitter p99 ${figures.jitterP99Us.toFixed(1)} µs`,
    `missed ${figures.missedPeriods}`,
    `faults ${figures.faultedTicks}`,
    `pose x ${pose.x.toFixed(3)} y ${pose.y.toFixed(3)} θ ${degrees.toFixed(0)}°`,
    `version ${figures.version}`,
  ].join(' | ');
}
