import type { TickStatisticsMessage } from '../telemetry-messages';

/**
 * A statistics message of a quiet second at 1 kHz (`firstTick` to
 * `firstTick + 999`, version 1, nothing missed), with `fields` changed:
 * for tests of whatever carries or shows telemetry.
 *
 * @example
 * statisticsMessage({ firstTick: 2000, latenessUs: { p50: 2, p99: 80, max: 400 } });
 */
export function statisticsMessage(fields: Partial<TickStatisticsMessage> = {}): TickStatisticsMessage {
  const firstTick = fields.firstTick ?? 0;
  return {
    type: 'tick-statistics',
    atMs: firstTick + 999,
    firstTick,
    ticks: 1000,
    sampledTicks: 1000,
    rateHz: 1000,
    nominalRateHz: 1000,
    latenessUs: { p50: 1, p99: 2, max: 3 },
    computeUs: { p50: 1, p99: 2, max: 3 },
    missedTicks: 0,
    faultedTicks: 0,
    version: 1,
    totals: { ticks: firstTick + 1000, missedTicks: 0, faultedTicks: 0 },
    ...fields,
  };
}
