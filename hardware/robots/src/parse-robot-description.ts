import { arrayOf, invalidField, nonEmptyString, numberWhere, objectOf, oneOf, optional } from './field-checks';
import type { MotorDescription, RobotDescription } from './robot-description';
import { RobotDescriptionError } from './robot-description-error';

const positive = numberWhere('a positive number', (n) => n > 0);
const nonNegative = numberWhere('a number >= 0', (n) => n >= 0);
// Dynamixel Protocol 2.0 reserves 253 and up (254 is broadcast).
const busId = numberWhere('an integer from 0 to 252', (n) => Number.isInteger(n) && n >= 0 && n <= 252);

const motor = objectOf({
  id: busId,
  name: nonEmptyString,
  model: nonEmptyString,
  side: oneOf(['left', 'right'] as const),
  direction: oneOf([1, -1] as const),
  gearRatio: positive,
  limits: objectOf({ maxVelocity: positive, maxCurrent: positive }),
  dynamics: objectOf({
    timeConstant: positive,
    torqueConstant: positive,
    inertia: positive,
    coulombFriction: nonNegative,
    viscousFriction: nonNegative,
  }),
});

const serial = objectOf({
  device: nonEmptyString,
  baudRate: numberWhere('a positive integer (bits per second)', (n) => Number.isInteger(n) && n > 0),
  returnDelayMicros: numberWhere('an even number from 0 to 508 (Return Delay Time counts 2 µs)', (n) => n >= 0 && n <= 508 && n % 2 === 0),
  watchdogMillis: numberWhere('a multiple of 20 from 20 to 2540 (Bus Watchdog counts 20 ms)', (n) => n >= 20 && n <= 2540 && n % 20 === 0),
});

const robot = objectOf({
  name: nonEmptyString,
  kind: oneOf(['differential-drive'] as const),
  wheelRadius: positive,
  trackWidth: positive,
  motors: arrayOf(motor, 2),
  serial: optional(serial),
});

function checkMotorSet(motors: readonly MotorDescription[]): void {
  motors.forEach((m, index) => {
    const first = motors.findIndex((other) => other.id === m.id);
    if (first !== index) invalidField(`motors[${index}].id`, `unique (motors[${first}].id is ${m.id} too)`, m.id);
  });
  if (motors.length !== 2) {
    invalidField('motors', 'exactly two motors (one left, one right) for a differential drive', motors.length);
  }
  const [first, second] = motors as readonly [MotorDescription, MotorDescription];
  if (first.side === second.side) {
    invalidField('motors[1].side', `the other side than motors[0].side ("${first.side}")`, second.side);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a robot description (JSON text, or an already parsed value) and
 * returns it typed and deeply frozen. Every field is checked, unknown fields
 * are rejected, motor ids must be unique; `serial` may be left out.
 *
 * @throws RobotDescriptionError naming the first bad field, e.g.
 *   `parseRobotDescription failed: motors[1].limits.maxVelocity must be a positive number, got -3`
 * @example
 * const robot = parseRobotDescription(readFileSync('robot.json', 'utf8'));
 * robot.motors[0]?.limits.maxVelocity; // rad/s
 */
export function parseRobotDescription(json: unknown): RobotDescription {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new RobotDescriptionError(
        'parseRobotDescription',
        `the text is not valid JSON (${(error as Error).message}); fix its syntax`,
        undefined,
        { cause: error },
      );
    }
  }
  const description = robot(value, '');
  checkMotorSet(description.motors);
  return deepFreeze(description);
}
