import fc from 'fast-check';
import { schemaErrors } from './schema-errors';
import { TELEMETRY_SCHEMAS } from './telemetry-schemas';
import type { UpdateMessage } from './telemetry-messages';

const update: UpdateMessage = { type: 'update', kind: 'commit', tick: 41, atMs: 41, from: '0', to: '1', pauseMs: 0.2, nextLatenessUs: 3.1, missedTicks: 0, id: 'pid-integral-limit' };

describe('schemaErrors', () => {
  it('accepts a message of the schema', () => {
    expect(schemaErrors(TELEMETRY_SCHEMAS.update, update)).toEqual([]);
  });

  it('names the field and what is wrong with it', () => {
    const { kind: _kind, ...withoutKind } = update;
    expect(schemaErrors(TELEMETRY_SCHEMAS.update, { ...withoutKind, pauseMs: -1, extra: 1, nextLatenessUs: 'late' })).toEqual([
      { path: 'kind', problem: 'is missing' },
      { path: 'pauseMs', problem: 'must be >= 0, got -1' },
      { path: 'nextLatenessUs', problem: 'must be number or null, got string' },
      { path: 'extra', problem: 'is not in the schema' },
    ]);
    const window = { type: 'tick-window', update, firstTick: 0, complete: true, latenessUs: [1, '2'], computeUs: [], readUs: [], updateUs: [], writeUs: [], commitUs: [], missed: [], faulted: [], version: [] };
    expect(schemaErrors(TELEMETRY_SCHEMAS['tick-window'], window)).toEqual([{ path: 'latenessUs[1]', problem: 'must be number, got string' }]);
    expect(schemaErrors(TELEMETRY_SCHEMAS.update, { ...update, kind: 'maybe' })).toEqual([{ path: 'kind', problem: 'must be one of "commit", "rollback", "version-change", got "maybe"' }]);
  });

  it('refuses anything that is not an object of the schema, and never throws on a value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        expect(schemaErrors(TELEMETRY_SCHEMAS['tick-statistics'], value).length).toBeGreaterThan(0);
      }),
    );
  });

  it('refuses a schema keyword it does not check', () => {
    expect(() => schemaErrors({ type: 'string', maxLength: 3 } as never, 'abcd')).toThrow("unsupported keyword 'maxLength'");
  });
});
