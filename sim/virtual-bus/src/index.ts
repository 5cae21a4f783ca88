// Public API of @tickswap/virtual-bus: every export is named here.
export type { SimulatedRobotOptions } from './simulated-robot';
export { SimulatedRobot } from './simulated-robot';
export type { BusTransfer, GroundTruthPose, SimulatedBusOptions } from './simulated-bus';
export { SimulatedBus, createSimulatedBus } from './simulated-bus';
