// Public API of @tickswap/control-loop: every export is named here.
export type { TickContext, TickPhase, TickPhases } from './tick-phases';
export type { TickRecord } from './tick-record';
export { createTickRecord } from './tick-record';
export { TickRecords } from './tick-records';
export type { HistogramOptions } from './log-linear-histogram';
export { LogLinearHistogram } from './log-linear-histogram';
export type { Percentiles } from './percentiles';
export { readPercentiles } from './percentiles';
export { nextSlot } from './next-slot';
export { TickPhaseError } from './tick-phase-error';
export type { LoopState, LoopStatistics, LoopStopReason, TickHistograms, TickLoopOptions } from './tick-loop';
export { TickLoop } from './tick-loop';
export type { TimingMode } from './timing-modes';
export { TIMING_MODES } from './timing-modes';
export type { PreciseSchedulerOptions } from './precise-scheduler';
export { PreciseScheduler } from './precise-scheduler';
export { reschedule } from './reschedule';
export { runVirtual } from './run-virtual';
