import fc from 'fast-check';
import { trivialLoop } from '../test/trivial-loop';
import type { UpdateMark } from './telemetry-messages';
import { TelemetryUsageError } from './telemetry-usage-error';
import { TickTelemetry } from './tick-telemetry';

fc.configureGlobal({ seed: 20_261_125, numRuns: 200 });

const GOOD: UpdateMark = { tick: 5, kind: 'commit', from: 1, to: 2, pauseMs: 0.2 };

function telemetryAfter(ticks: number, recordCapacity = 4096): TickTelemetry {
  const { loop, scheduler } = trivialLoop({ ticks }, { recordCapacity });
  loop.start();
  scheduler.flush();
  return new TickTelemetry({ loop, scheduler, windowBefore: 2, windowAfter: 2, markGraceTicks: 0, intervalMs: 1 });
}

describe('TickTelemetry#markUpdate refuses what it cannot place', () => {
  const telemetry = telemetryAfter(20, 16);

  it('accepts a commit or rollback at a tick held, or at the tick running now', () => {
    expect(() => telemetry.markUpdate(GOOD)).not.toThrow();
    expect(() => telemetry.markUpdate({ ...GOOD, tick: 20, kind: 'rollback', from: 'v2', to: 'v1' })).not.toThrow();
    expect(() => telemetry.markUpdate({ ...GOOD, notes: ['Pid: replace (rename integral -> integralSum)', 'the simulator gate accepted 1 -> 2'] })).not.toThrow();
  });

  it.each<[string, Partial<Record<keyof UpdateMark, unknown>>, RegExp]>([
    ['a negative tick', { tick: -1 }, /tick -1 is not a tick index/],
    ['a fractional tick', { tick: 5.5 }, /tick 5.5 is not a tick index/],
    ['a tick not run yet', { tick: 21 }, /tick 21 has not run yet \(the loop is at tick 20\)/],
    ['a tick the ring no longer holds', { tick: 3 }, /tick 3 has left the loop's records \(ticks 4\.\.19 are held\)/],
    ['an unknown kind', { kind: 'upgrade' }, /kind must be 'commit' or 'rollback', got upgrade/],
    ['a negative pause', { pauseMs: -0.1 }, /pauseMs must be the boundary's duration in ms \(>= 0\), got -0.1/],
    ['a NaN pause', { pauseMs: Number.NaN }, /got NaN/],
    ['a version that is neither string nor number', { to: undefined }, /from and to must be versions/],
    ['notes that are not strings', { notes: [1] }, /notes must be at most 40 strings of at most 500 characters/],
    ['too many notes', { notes: Array.from({ length: 41 }, () => 'x') }, /notes must be at most 40 strings/],
    ['a note too long', { notes: ['x'.repeat(501)] }, /of at most 500 characters; shorten them/],
  ])('refuses %s with a TelemetryUsageError naming the method', (_, change, message) => {
    const attempt = () => telemetry.markUpdate({ ...GOOD, ...change } as UpdateMark);
    expect(attempt).toThrow(TelemetryUsageError);
    expect(attempt).toThrow(/^TickTelemetry#markUpdate failed: /);
    expect(attempt).toThrow(message);
  });

  it('refuses every tick that is not an integer in the ring, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: false })), (tick) => {
        const placeable = Number.isInteger(tick) && tick >= 4 && tick <= 20;
        let thrown: unknown;
        try {
          telemetry.markUpdate({ ...GOOD, tick });
        } catch (error) {
          thrown = error;
        }
        return placeable ? thrown === undefined : thrown instanceof TelemetryUsageError;
      }),
    );
  });
});
