import { trivialLoop } from '../test/trivial-loop';
import { TelemetryConfigError } from './telemetry-config-error';
import { TickTelemetry } from './tick-telemetry';

describe('TickTelemetry options', () => {
  const { loop, scheduler } = trivialLoop({ ticks: 1 }, { recordCapacity: 2000 });

  it('refuses a ring too small for a window read an interval late, saying what capacity is needed', () => {
    expect(() => new TickTelemetry({ loop, scheduler })).toThrow(TelemetryConfigError);
    expect(() => new TickTelemetry({ loop, scheduler })).toThrow(
      "TickTelemetry#constructor failed: the loop's ring holds 2000 ticks, but a window (200 + 1 + 800 ticks) read up to 100 + 1000 ticks late needs 2101; " +
        'give the loop a recordCapacity of at least 2101, or shorten the window or intervalMs',
    );
    expect(() => new TickTelemetry({ loop, scheduler, intervalMs: 500 })).not.toThrow();
  });

  it.each([
    [{ intervalMs: 0 }, /intervalMs must be a positive number of ms, got 0/],
    [{ intervalMs: Number.POSITIVE_INFINITY }, /intervalMs must be a positive number of ms, got Infinity/],
    [{ windowBefore: -1 }, /windowBefore must be an integer >= 0 \(ticks\), got -1/],
    [{ windowAfter: 1.5 }, /windowAfter must be an integer >= 0 \(ticks\), got 1.5/],
    [{ maxPending: 0 }, /maxPending must be an integer >= 1 \(updates and windows\), got 0/],
    [{ sinkQueueLimit: 0 }, /sinkQueueLimit must be an integer >= 1 \(messages\), got 0/],
  ])('refuses %p', (options, message) => {
    expect(() => new TickTelemetry({ loop, scheduler, intervalMs: 100, ...options })).toThrow(message);
  });
});
