// Public API of @tickswap/controller: every export is named here.
export type { ControllerOptions } from './controller';
export { Controller } from './controller';
export type { ControllerArgs } from './controller-args';
export { CONTROLLER_USAGE, ControllerUsageError, parseControllerArgs } from './controller-args';
export type { SimulatedController, SimulatedControllerOptions } from './simulated-controller';
export { createSimulatedController } from './simulated-controller';
export type { PoseView, StatusFigures } from './status-line';
export { formatStatus, recentFigures } from './status-line';
