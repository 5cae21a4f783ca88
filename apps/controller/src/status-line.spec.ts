import { TickRecords, createTickRecord, type LoopStatistics } from '@tickswap/control-loop';
import { formatStatus, recentFigures } from './status-line';

describe('status line', () => {
  it('measures rate and jitter over the recent records', () => {
    const records = new TickRecords(128);
    const record = createTickRecord();
    for (let index = 0; index < 101; index++) {
      Object.assign(record, { index, slot: index, scheduledStart: index, actualStart: index + (index === 50 ? 0.5 : 0.002) });
      records.append(record);
    }
    const statistics = { missedPeriods: 2, faultedTicks: 1, version: 3 } as LoopStatistics;
    const figures = recentFigures(records, statistics);
    expect(figures.rateHz).toBeCloseTo(1000, 0);
    expect(figures.jitterP99Us).toBeCloseTo(2, 6);
    expect(figures).toMatchObject({ missedPeriods: 2, faultedTicks: 1, version: 3 });
  });

  it('formats the figures and the pose on one line', () => {
    const line = formatStatus(
      { rateHz: 999.96, jitterP99Us: 4.14, missedPeriods: 0, faultedTicks: 0, version: 2 },
      { x: 0.5, y: -0.25, theta: -Math.PI / 2 },
    );
    expect(line).toBe('tick 1000.0 Hz | jitter p99 4.1 µs | missed 0 | faults 0 | pose x 0.500 y -0.250 θ 270° | version 2');
  });

  it('shows no rate before two ticks are recorded', () => {
    const figures = recentFigures(new TickRecords(8), { missedPeriods: 0, faultedTicks: 0, version: 0 } as LoopStatistics);
    expect(figures.rateHz).toBe(0);
    expect(figures.jitterP99Us).toBeNaN();
  });
});
