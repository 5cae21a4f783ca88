import { LoopConfigError } from './loop-config-error';
import { LoopUsageError } from './loop-usage-error';
import { createTickRecord } from './tick-record';
import { TickRecords } from './tick-records';

function recordOf(index: number) {
  return { ...createTickRecord(), index, slot: index * 2, scheduledStart: index, actualStart: index + 0.01, read: 0.1, update: 0.2, write: 0.3, commit: index === 5 ? 4 : 0.05, missed: index % 3 === 0 ? 1 : 0, faulted: index === 7, version: index > 5 ? 2 : 1 };
}

describe('TickRecords', () => {
  it('keeps the last `capacity` ticks across wrap-around', () => {
    const records = new TickRecords(4);
    for (let index = 0; index < 10; index++) records.append(recordOf(index));
    expect(records.count).toBe(10);
    expect(records.first).toBe(6);
    expect(records.has(5)).toBe(false);
    expect(records.has(6)).toBe(true);
    expect(records.has(10)).toBe(false);
    expect(records.window(0, 100).map((r) => r.index)).toEqual([6, 7, 8, 9]);
    expect(records.window(0, 100)).toEqual([6, 7, 8, 9].map(recordOf));
    expect(() => records.read(5, createTickRecord())).toThrow(LoopUsageError);
  });

  it('reads one record into a reused object', () => {
    const records = new TickRecords(8);
    for (let index = 0; index < 8; index++) records.append(recordOf(index));
    const into = createTickRecord();
    expect(records.read(7, into)).toBe(into);
    expect(into).toEqual(recordOf(7));
    expect(records.read(5, into).commit).toBe(4);
  });

  it('copies a window around a tick, clipped to what is held', () => {
    const records = new TickRecords(16);
    for (let index = 0; index < 10; index++) records.append(recordOf(index));
    expect(records.around(5, 2, 2).map((r) => r.index)).toEqual([3, 4, 5, 6, 7]);
    expect(records.around(1, 3, 1).map((r) => r.index)).toEqual([0, 1, 2]);
    expect(records.around(9, 1, 5).map((r) => r.index)).toEqual([8, 9]);
    expect(records.window(4, 4)).toEqual([]);
  });

  it('refuses records out of order and a bad capacity', () => {
    const records = new TickRecords(4);
    expect(() => records.append(recordOf(1))).toThrow(LoopUsageError);
    expect(() => new TickRecords(0)).toThrow(LoopConfigError);
  });
});
