// Public API of @tickswap/mqtt-link: every export is named here.
// Test helpers (a real Mosquitto with the fleet template, a fake pipeline) are in `@tickswap/mqtt-link/testing`.
export { BrokerLink } from './broker-link';
export type { LinkListeners } from './broker-link';
export { BROKER_ARG_OPTIONS, BROKER_USAGE, brokerOptionsFrom } from './broker-options';
export type { BrokerArgValues, BrokerOptions } from './broker-options';
export type { ProtocolVersion, SessionSpec } from './client-options';
export { startEmbeddedBroker } from './embedded-broker';
export type { EmbeddedBroker } from './embedded-broker';
export type { Envelope } from './envelope';
export {
  BrokerConnectError,
  BrokerOptionsError,
  BrokerStartError,
  MessageSchemaError,
  PatchPublishError,
  PatchRejectedError,
  ResultTimeoutError,
  RobotIdError,
} from './errors';
export type { DowntimeFigures, GateFigures, StageTimings } from './figures';
export { listRobots } from './list-robots';
export type { ListedRobot, ListRobotsOptions } from './list-robots';
export { encodeMessage } from './message-codec';
export { PatchAgent } from './patch-agent';
export { AGENT_DEFAULTS } from './patch-agent-options';
export type { AgentEvent, PatchAgentOptions } from './patch-agent-options';
export type { BundleVerifier, CommitOutcome, PatchPipeline, VerifiedPatch } from './patch-pipeline';
export { publishPatch } from './publish-patch';
export type { PublishPatchOptions } from './publish-patch';
export { claimedPatchId } from './read-bundle';
export { rejectionOf } from './bundle-rejection';
export { REJECT_REASONS, ROLLBACK_REASONS } from './reasons';
export type { RejectReason, RollbackReason } from './reasons';
export { decodeResultMessage, isFinalResult } from './result-message';
export type {
  CommittedBody,
  FinalResult,
  ReceivedBody,
  RejectedBody,
  ResultBody,
  ResultMessage,
  ResultStage,
  RolledBackBody,
  ValidatedBody,
} from './result-message';
export { decodeStatusMessage } from './status-message';
export type { LastUpdate, OfflineStatus, OnlineStatus, RobotFigures, StatusMessage } from './status-message';
export { decodeTicksMessage } from './ticks-message';
export type { TicksBody, TicksMessage } from './ticks-message';
export { ALL_STATUS_TOPICS, TOPIC_ROOT, checkRobotId, robotOfTopic, topicsOf } from './topics';
export type { RobotTopics } from './topics';
