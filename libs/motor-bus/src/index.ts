// Public API of @tickswap/motor-bus: every export is named here.
export type { BusOutcome, BusStatistics, MotorBus } from './motor-bus';
export type { MotorCommands, MotorReadings } from './motor-buffers';
export { createMotorCommands, createMotorReadings } from './motor-buffers';
