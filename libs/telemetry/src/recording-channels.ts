import { MOTOR_SAMPLE_SCHEMA, POSE_IN_FRAME_SCHEMA } from './recording-schemas';
import { TELEMETRY_SCHEMAS, type JsonSchema } from './telemetry-schemas';
import { TELEMETRY_TOPICS } from './telemetry-messages';

/** What a recording holds: the telemetry topics, the motor samples and the poses. */
export type RecordedStream = (typeof TELEMETRY_TOPICS)[keyof typeof TELEMETRY_TOPICS] | 'motors' | 'pose';

/** An MCAP channel of a recording: its topic (as Foxglove lists it) and the JSON schema of its messages. */
export interface RecordingChannel {
  readonly topic: string;
  readonly schema: JsonSchema;
}

/**
 * The channels of a recording, one per {@link RecordedStream}; every message is JSON.
 *
 * @example
 * RECORDING_CHANNELS['ticks/window'].topic; // '/tickswap/ticks/window'
 */
export const RECORDING_CHANNELS: Readonly<Record<RecordedStream, RecordingChannel>> = {
  [TELEMETRY_TOPICS['tick-statistics']]: { topic: '/tickswap/ticks/statistics', schema: TELEMETRY_SCHEMAS['tick-statistics'] },
  [TELEMETRY_TOPICS.update]: { topic: '/tickswap/ticks/update', schema: TELEMETRY_SCHEMAS.update },
  [TELEMETRY_TOPICS['tick-window']]: { topic: '/tickswap/ticks/window', schema: TELEMETRY_SCHEMAS['tick-window'] },
  motors: { topic: '/tickswap/motors', schema: MOTOR_SAMPLE_SCHEMA },
  pose: { topic: '/tickswap/pose', schema: POSE_IN_FRAME_SCHEMA },
};
