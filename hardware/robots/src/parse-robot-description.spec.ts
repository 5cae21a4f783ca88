import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseRobotDescription } from './parse-robot-description';
import { REFERENCE_ROBOT_PATH } from './reference-robot';
import { RobotDescriptionError } from './robot-description-error';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

const reference = JSON.parse(readFileSync(REFERENCE_ROBOT_PATH, 'utf8')) as Json;

function fieldName(segments: readonly Segment[]): string {
  return segments.reduce<string>(
    (name, s) => (typeof s === 'number' ? `${name}[${s}]` : name === '' ? s : `${name}.${s}`),
    '',
  );
}

/** Every path of `value` that leads to an object (containers) or to a scalar (leaves). */
function paths(value: Json, prefix: Segment[] = []): { leaves: Segment[][]; objects: Segment[][] } {
  if (value === null || typeof value !== 'object') return { leaves: [prefix], objects: [] };
  const entries: [Segment, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const inner = entries.map(([key, v]) => paths(v, [...prefix, key]));
  return {
    leaves: inner.flatMap((p) => p.leaves),
    objects: [...(Array.isArray(value) ? [] : [prefix]), ...inner.flatMap((p) => p.objects)],
  };
}

function parent(root: Json, segments: readonly Segment[]): Record<Segment, Json> {
  return segments.reduce<Json>((node, s) => (node as Record<Segment, Json>)[s] as Json, root) as Record<Segment, Json>;
}

function errorOf(value: unknown): RobotDescriptionError {
  try {
    parseRobotDescription(value);
  } catch (error) {
    if (error instanceof RobotDescriptionError) return error;
    throw error;
  }
  throw new Error('expected parseRobotDescription to reject the description');
}

const { leaves, objects } = paths(reference);
const notANumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object());
const notAString = fc.oneof(fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
const notFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const notPositive = fc.oneof(fc.double({ max: 0 }), notFinite);
const notNonNegative = fc.oneof(fc.double({ max: -Number.MIN_VALUE }), notFinite);
const nonBlank = (allowed: readonly string[]) => fc.string().filter((s) => !allowed.includes(s));

/** Values that must be rejected at a leaf, by the leaf's key. */
const BAD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.oneof(notAString, fc.stringMatching(/^\s*$/)),
  model: fc.oneof(notAString, fc.stringMatching(/^\s*$/)),
  kind: fc.oneof(notAString, nonBlank(['differential-drive'])),
  side: fc.oneof(notAString, nonBlank(['left', 'right'])),
  id: fc.oneof(notANumber, fc.integer({ min: 253 }), fc.integer({ max: -1 }), fc.double().filter((n) => !Number.isInteger(n))),
  direction: fc.oneof(notANumber, fc.double().filter((n) => n !== 1 && n !== -1)),
  coulombFriction: fc.oneof(notANumber, notNonNegative),
  viscousFriction: fc.oneof(notANumber, notNonNegative),
};
BAD_VALUES['device'] = fc.oneof(notAString, fc.stringMatching(/^\s*$/));
BAD_VALUES['baudRate'] = fc.oneof(notANumber, notPositive, fc.double({ min: 1, max: 4.5e6, noInteger: true }));
BAD_VALUES['returnDelayMicros'] = fc.oneof(
  notANumber,
  notFinite,
  fc.integer({ max: -1 }),
  fc.integer({ min: 255 }),
  fc.integer({ min: 0, max: 253 }).map((n) => 2 * n + 1),
);
BAD_VALUES['watchdogMillis'] = fc.oneof(
  notANumber,
  notFinite,
  fc.integer({ max: 19 }),
  fc.integer({ min: 2541 }),
  fc.integer({ min: 20, max: 2540 }).filter((n) => n % 20 !== 0),
);
const POSITIVE = ['wheelRadius', 'trackWidth', 'gearRatio', 'maxVelocity', 'maxCurrent', 'timeConstant', 'torqueConstant', 'inertia'];
for (const key of POSITIVE) BAD_VALUES[key] = fc.oneof(notANumber, notPositive);

describe('parseRobotDescription', () => {
  it('returns the reference robot typed and deeply frozen', () => {
    const robot = parseRobotDescription(reference);
    expect(robot.kind).toBe('differential-drive');
    expect(robot.motors.map((m) => [m.id, m.side, m.direction])).toEqual([[1, 'left', 1], [2, 'right', -1]]);
    expect(Object.isFrozen(robot)).toBe(true);
    expect(Object.isFrozen(robot.motors)).toBe(true);
    expect(Object.isFrozen(robot.motors[1]?.limits)).toBe(true);
    expect(parseRobotDescription(JSON.stringify(reference))).toEqual(robot);
  });

  it('covers every leaf of the reference file with a bad-value generator', () => {
    const keys = leaves.map((segments) => String(segments.at(-1)));
    expect(keys.filter((key) => !(key in BAD_VALUES))).toEqual([]);
  });

  it('names the field of any leaf given a bad value', () => {
    const mutation = fc.constantFrom(...leaves).chain((segments) =>
      fc.tuple(fc.constant(segments), BAD_VALUES[String(segments.at(-1))] as fc.Arbitrary<unknown>),
    );
    fc.assert(
      fc.property(mutation, ([segments, bad]) => {
        const copy = structuredClone(reference);
        parent(copy, segments.slice(0, -1))[segments.at(-1) as Segment] = bad as Json;
        const error = errorOf(copy);
        expect(error.field).toBe(fieldName(segments));
        expect(error.message).toContain(`parseRobotDescription failed: ${fieldName(segments)} must be`);
      }),
    );
  });

  it('names a missing field', () => {
    for (const segments of leaves.filter((s) => typeof s.at(-1) === 'string')) {
      const copy = structuredClone(reference);
      delete parent(copy, segments.slice(0, -1))[segments.at(-1) as Segment];
      expect(errorOf(copy).message).toMatch(new RegExp(`${fieldName(segments).replace(/[[\].]/g, '\\$&')} must be .*, got nothing$`));
    }
  });

  it('names an unknown field wherever it is added', () => {
    const addition = fc.tuple(fc.constantFrom(...objects), fc.string({ minLength: 1 }), fc.jsonValue());
    fc.assert(
      fc.property(addition, ([segments, key, value]) => {
        const copy = structuredClone(reference);
        const target = parent(copy, segments);
        fc.pre(!Object.hasOwn(target, key));
        Object.defineProperty(target, key, { value, enumerable: true });
        const error = errorOf(copy);
        expect(error.field).toBe(fieldName([...segments, key]));
        expect(error.message).toContain('must be absent (known fields:');
      }),
    );
  });

  it('reads the serial settings, and accepts a description without them (a simulated robot)', () => {
    expect(parseRobotDescription(reference).serial).toEqual({ device: '/dev/ttyUSB0', baudRate: 1_000_000, returnDelayMicros: 0, watchdogMillis: 100 });
    const simulated = structuredClone(reference) as Record<string, Json>;
    delete simulated['serial'];
    const robot = parseRobotDescription(simulated);
    expect(robot.serial).toBeUndefined();
    expect('serial' in robot).toBe(false);
  });

  it('says what the servos count in when a serial timing is off their grid', () => {
    const odd = structuredClone(reference);
    parent(odd, ['serial']).returnDelayMicros = 3;
    expect(errorOf(odd).message).toBe(
      'parseRobotDescription failed: serial.returnDelayMicros must be an even number from 0 to 508 (Return Delay Time counts 2 µs), got 3',
    );
    const watchdog = structuredClone(reference);
    parent(watchdog, ['serial']).watchdogMillis = 0;
    expect(errorOf(watchdog).message).toBe(
      'parseRobotDescription failed: serial.watchdogMillis must be a multiple of 20 from 20 to 2540 (Bus Watchdog counts 20 ms), got 0',
    );
    const notObject = structuredClone(reference) as Record<string, Json>;
    notObject['serial'] = '/dev/ttyUSB0';
    expect(errorOf(notObject).field).toBe('serial');
  });

  it('gives the example message of a negative velocity limit', () => {
    const copy = structuredClone(reference);
    parent(copy, ['motors', 1, 'limits']).maxVelocity = -3;
    expect(errorOf(copy).message).toBe(
      'parseRobotDescription failed: motors[1].limits.maxVelocity must be a positive number, got -3',
    );
  });

  it('rejects duplicate ids, two motors on one side and a wrong motor count', () => {
    const duplicate = structuredClone(reference);
    parent(duplicate, ['motors', 1]).id = 1;
    expect(errorOf(duplicate).message).toContain('motors[1].id must be unique (motors[0].id is 1 too)');

    const sameSide = structuredClone(reference);
    parent(sameSide, ['motors', 1]).side = 'left';
    expect(errorOf(sameSide).field).toBe('motors[1].side');

    const three = structuredClone(reference) as { motors: Json[] };
    three.motors.push({ ...(three.motors[1] as Record<string, Json>), id: 3 });
    expect(errorOf(three).field).toBe('motors');

    const one = structuredClone(reference) as { motors: Json[] };
    one.motors.pop();
    expect(errorOf(one).message).toContain('motors must be an array of at least 2 item(s)');
  });

  it('rejects what is not a description object, and text that is not JSON', () => {
    for (const value of [null, 3, [], 'null']) {
      expect(errorOf(value).message).toMatch(/^parseRobotDescription failed: the description must be an object, got /);
    }
    expect(errorOf('{"name": ').message).toMatch(/^parseRobotDescription failed: the text is not valid JSON \(.*\); fix its syntax$/);
  });
});
