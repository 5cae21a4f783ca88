import fc from 'fast-check';
import { XM430_W210 } from '../control-table/dynamixel-model';
import { DynamixelConfigError } from '../errors';
import { createMemoryLink } from '../transport/memory-transport';
import { resolveBusOptions, type DynamixelBusOptions } from './dynamixel-bus-options';

const [transport] = createMemoryLink();
const valid: DynamixelBusOptions = { transport, motors: [{ id: 1, model: XM430_W210 }], baudRate: 1_000_000, maxVelocity: 5 };

describe('resolveBusOptions', () => {
  it('applies the documented defaults', () => {
    expect(resolveBusOptions(valid)).toMatchObject({ watchdogMillis: 100, watchdogUnits: 5, maxConsecutiveFaults: 5, replyMarginMicros: 2000 });
    expect(resolveBusOptions({ ...valid, watchdogMillis: 0 }).watchdogUnits).toBe(0);
    expect(resolveBusOptions({ ...valid, watchdogMillis: 30 }).watchdogUnits).toBe(2);
    expect(resolveBusOptions(valid).returnDelayMicros).toBeUndefined();
    expect(resolveBusOptions({ ...valid, returnDelayMicros: 508 }).returnDelayMicros).toBe(508);
  });

  it('rejects every inconsistent option with DynamixelConfigError naming it', () => {
    const bad = fc.oneof(
      fc.record({ motors: fc.constant([]) }),
      fc.record({ motors: fc.integer().filter((id) => id < 0 || id > 252).map((id) => [{ id, model: XM430_W210 }]) }),
      fc.record({ motors: fc.constant([{ id: 3, model: XM430_W210 }, { id: 3, model: XM430_W210 }]) }),
      fc.record({ baudRate: fc.oneof(fc.integer({ max: 0 }), fc.constant(Number.NaN)) }),
      fc.record({ maxVelocity: fc.oneof(fc.double({ max: 0 }), fc.constant(Number.POSITIVE_INFINITY), fc.constant(Number.NaN)) }),
      fc.record({ watchdogMillis: fc.oneof(fc.integer({ min: 2541 }), fc.integer({ max: -20 })) }),
      fc.record({ maxConsecutiveFaults: fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true })) }),
      fc.record({ replyMarginMicros: fc.oneof(fc.integer({ max: -1 }), fc.constant(Number.NaN)) }),
      fc.record({ returnDelayMicros: fc.oneof(fc.integer({ min: 509 }), fc.integer({ max: -1 }), fc.integer().map((n) => 2 * n + 1)) }),
    );
    fc.assert(
      fc.property(bad, (override) => {
        expect(() => resolveBusOptions({ ...valid, ...override })).toThrow(DynamixelConfigError);
        expect(() => resolveBusOptions({ ...valid, ...override })).toThrow(/^DynamixelBus failed: /);
      }),
    );
  });
});
