// Public API of @tickswap/telemetry: every export is named here.
export type {
  TelemetryMessage,
  TelemetryTopic,
  TickStatisticsMessage,
  TickWindowMessage,
  TimingFigures,
  UpdateKind,
  UpdateMark,
  UpdateMessage,
} from './telemetry-messages';
export { TELEMETRY_TOPICS } from './telemetry-messages';
export type { JsonSchema } from './telemetry-schemas';
export { TELEMETRY_SCHEMAS, TICK_STATISTICS_SCHEMA, TICK_WINDOW_SCHEMA, UPDATE_SCHEMA, messageSchema, objectSchema } from './telemetry-schemas';
export { TelemetryConfigError } from './telemetry-config-error';
export { TelemetryUsageError } from './telemetry-usage-error';
export type { TickSource } from './tick-source';
export type { TelemetrySink } from './telemetry-sink';
export type { TelemetrySource } from './telemetry-source';
export type { TickTelemetryOptions } from './tick-telemetry-options';
export { TickTelemetry } from './tick-telemetry';
export { TelemetryHistory } from './telemetry-history';
export type { TelemetryLosses } from './tick-metrics';
export { PAUSE_BUCKETS_SECONDS, TICK_BUCKETS_SECONDS } from './tick-metrics';
export type { TelemetryServer, TelemetryServerOptions } from './telemetry-server';
export { startTelemetryServer } from './telemetry-server';
export { EventStream } from './event-stream';
export type { McapRecorderOptions } from './mcap-recorder';
export { McapRecorder } from './mcap-recorder';
export { RecordingError } from './recording-error';
export type { RecordedStream, RecordingChannel } from './recording-channels';
export { RECORDING_CHANNELS } from './recording-channels';
export type { MotorSampleMessage, PlanarPose, PoseInFrameMessage } from './recording-messages';
export { poseInFrame } from './recording-messages';
export { MOTOR_SAMPLE_SCHEMA, POSE_IN_FRAME_SCHEMA } from './recording-schemas';
export { MotorSampler } from './motor-sampler';
export type { PoseSample } from './pose-sampler';
export { PoseSampler } from './pose-sampler';
export type { SamplerOptions, TickStamp } from './sample-ring';
export { computeMs, latenessMs, toMicros } from './tick-measures';
export type { PeriodicJob } from './slack-runner';
export { SlackRunner } from './slack-runner';
export type { SlackRunnerOptions, TickingSource } from './slack-runner-options';
export { messageJson } from './message-json';
export type { SchemaProblem } from './schema-errors';
export { schemaErrors } from './schema-errors';
export { SyncFileWritable } from './sync-file-writable';
