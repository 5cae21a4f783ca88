import { TelemetryHistory } from './telemetry-history';
import type { TickStatisticsMessage, TickWindowMessage, UpdateMessage } from './telemetry-messages';

const statistics = (firstTick: number) => ({ type: 'tick-statistics', firstTick }) as TickStatisticsMessage;
const update = (tick: number) => ({ type: 'update', tick }) as UpdateMessage;
const window = (firstTick: number) => ({ type: 'tick-window', firstTick }) as TickWindowMessage;

describe('TelemetryHistory', () => {
  it('keeps the last statistics and updates, each bounded, and only the last window, in that order', () => {
    const recent = new TelemetryHistory(2);
    for (const message of [statistics(0), update(5), window(0), statistics(1000), statistics(2000), update(1500), update(2500), window(1300)]) recent.add(message);
    expect(recent.messages()).toEqual([statistics(1000), statistics(2000), update(1500), update(2500), window(1300)]);
  });

  it('holds nothing before any message, and no statistics with a length of 0', () => {
    expect(new TelemetryHistory(5).messages()).toEqual([]);
    const none = new TelemetryHistory(0);
    none.add(statistics(0));
    expect(none.messages()).toEqual([]);
  });
});
