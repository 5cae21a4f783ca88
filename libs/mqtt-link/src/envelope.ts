import { checkRobotId } from './topics';
import { FieldProblem, oneOf, shape, text, type Check } from './schema';

/** Fields every message from a robot carries. */
export interface Envelope {
  /** Schema version of the message: 1. */
  readonly v: 1;
  /** The robot that sent it. */
  readonly robot: string;
  /** When it was composed, ISO 8601 UTC (`new Date(ms).toISOString()`). */
  readonly at: string;
}

const robotId: Check<string> = (value, field) => {
  const robot = text(64)(value, field);
  try {
    return checkRobotId(robot);
  } catch {
    throw new FieldProblem(field, 'must be a robot id (A-Z a-z 0-9 . _ -)');
  }
};

/** An ISO 8601 time stamp, for the time fields of messages. */
export const timestampCheck: Check<string> = (value, field) => {
  const iso = text(40)(value, field);
  if (Number.isNaN(Date.parse(iso))) throw new FieldProblem(field, `must be an ISO 8601 time, got ${JSON.stringify(iso)}`);
  return iso;
};

/** Checks the {@link Envelope} fields. */
export const envelopeCheck: Check<Envelope> = shape({ v: oneOf([1] as const), robot: robotId, at: timestampCheck });

/**
 * The envelope of a message `robot` composes at `ms` (epoch milliseconds).
 *
 * @example
 * envelopeOf('wheelie-7', Date.now()); // { v: 1, robot: 'wheelie-7', at: '2025-...Z' }
 */
export function envelopeOf(robot: string, ms: number): Envelope {
  return { v: 1, robot, at: new Date(ms).toISOString() };
}
