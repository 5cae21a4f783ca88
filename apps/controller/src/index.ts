// Public API of @tickswap/controller: every export is named here.
export type { ControllerOptions } from './controller';
export { Controller } from './controller';
export type { ControllerArgs } from './controller-args';
export { CONTROLLER_USAGE, ControllerUsageError, parseControllerArgs } from './controller-args';
export type { SimulatedController, SimulatedControllerOptions } from './simulated-controller';
export { createSimulatedController } from './simulated-controller';
export type { PoseView, StatusFigures } from './status-line';
export { formatStatus, recentFigures } from './status-line';
export type { MqttAgentOptions } from './mqtt-agent';
export { startMqttAgent } from './mqtt-agent';
export type { MqttArgs } from './mqtt-args';
export { MQTT_OPTIONS, MQTT_USAGE, mqttArgs } from './mqtt-args';
export type { ControllerPipelineOptions } from './patch-pipeline';
export { controllerPipeline, GATE_NOT_RUN } from './patch-pipeline';
export { rejectionOf } from './patch-refusals';
export { CONTROLLER_MODULES } from './controller-modules';
