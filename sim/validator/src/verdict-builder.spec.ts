import { ValidationError } from '@tickswap/dsu';
import { firstFailure, VerdictBuilder } from './verdict-builder';

describe('VerdictBuilder', () => {
  it('names the earliest failure in simulated time, untimed ones after, the first listed among equals', () => {
    const builder = new VerdictBuilder();
    builder.add({ name: 'mine', kind: 'application', status: 'failed', message: 'no time' });
    builder.add({ name: 'near-square', kind: 'application', status: 'failed', message: 'left', atS: 4, path: 'path-error' });
    builder.add({ name: 'settles', kind: 'application', status: 'failed', message: 'late', atS: 1.5 });
    builder.add({ name: 'bound', kind: 'application', status: 'failed', message: 'far', atS: 1.5 });
    expect(firstFailure(builder.checks)).toEqual({ check: 'settles', message: 'late', atS: 1.5, path: undefined });
    expect(builder.verdict()).toMatchObject({ accepted: false, failure: { check: 'settles' } });
  });

  it('records a step that throws as a failed check, with the instance path of a validation error, and a later step in its place', () => {
    const builder = new VerdictBuilder();
    expect(builder.attempt('migration', () => 42)).toBe(42);
    const failing = () => {
      throw new ValidationError('LiveSystem#prepare failed: root.pid.kp: NaN', 'root.pid.kp', 'nan');
    };
    expect(builder.attempt('migration', failing)).toBeUndefined();
    expect(builder.checks).toEqual([{ name: 'migration', kind: 'system', status: 'failed', message: 'ValidationError: LiveSystem#prepare failed: root.pid.kp: NaN', path: 'root.pid.kp' }]);
    expect(builder.verdict()).toMatchObject({ accepted: false, failure: { check: 'migration', path: 'root.pid.kp', atS: undefined } });
  });

  it('accepts when nothing failed', () => {
    const builder = new VerdictBuilder();
    builder.add({ name: 'load', kind: 'system', status: 'passed' });
    builder.skip(['mine'], 'application');
    expect(builder.verdict()).toMatchObject({ accepted: true, failure: undefined, timing: { wallMs: 0 } });
  });
});
