import { messageSchema, objectSchema, type JsonSchema } from './telemetry-schemas';

const numbers = (description: string): JsonSchema => ({ type: 'array', items: { type: 'number' }, description });
const xyz = { x: { type: 'number' }, y: { type: 'number' }, z: { type: 'number' } } as const;

/** Schema of {@link MotorSampleMessage}. */
export const MOTOR_SAMPLE_SCHEMA = messageSchema(
  'tickswap.MotorSample',
  "Motor readings and commands of one tick, index-aligned with the robot's motors",
  objectSchema({
    tick: { type: 'integer', minimum: 0 },
    timeMs: { type: 'number', description: 'ms on the loop clock' },
    position: numbers('rad'),
    velocity: numbers('rad/s'),
    current: numbers('A'),
    command: numbers('goal velocity, rad/s'),
  }),
);

/** Foxglove's `foxglove.PoseInFrame` schema (JSON encoding), which its 3D panel shows. */
export const POSE_IN_FRAME_SCHEMA = messageSchema(
  'foxglove.PoseInFrame',
  'A timestamped pose for an object or reference frame in 3D space',
  objectSchema({
    timestamp: objectSchema({ sec: { type: 'integer', minimum: 0 }, nsec: { type: 'integer', minimum: 0 } }),
    frame_id: { type: 'string' },
    pose: objectSchema({ position: objectSchema(xyz), orientation: objectSchema({ ...xyz, w: { type: 'number' } }) }),
  }),
);
