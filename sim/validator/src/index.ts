// Public API of @tickswap/validator: every export is named here.
export { GateConfigError, GateFileError } from './errors';
export type { GateOptions, GateRequest, LiveState, MotorState, PatchSource, RunningVersion, Scenario } from './gate-request';
export type { GateSettings } from './gate-settings';
export { GATE_DEFAULTS, gateSettings } from './gate-settings';
export type {
  BoundCheck,
  CheckFinding,
  GateCheck,
  GatedPatch,
  GateSignal,
  GateSpec,
  NearSquareCheck,
  PredicateCheck,
  SettlesCheck,
  SimulatedRuns,
} from './gate-checks';
export type {
  CheckResult,
  Divergence,
  Extreme,
  GateFailure,
  GateTiming,
  GateVerdict,
  SimulationFigures,
  SystemCheck,
  TickTimes,
} from './gate-verdict';
export type { GatePhase, GateProgress } from './progress-cell';
export { GATE_PHASES } from './progress-cell';
export type { PlanarPose, TrajectoryData } from './trajectory';
export { Trajectory } from './trajectory';
export type { ReadingsRecording } from './readings-recording';
export { parseRecording, readRecording, RECORDING_FORMAT } from './readings-recording';
export type { ValidatorOptions } from './validator';
export { DEFAULT_NICENESS, runGate, Validator } from './validator';
export { verdictLine } from './verdict-line';
export type { VerdictFigures } from './gate-figures';
export { verdictFigures } from './gate-figures';
export { trajectorySvg } from './trajectory-svg';
export { LIVE_STATE_FORMAT, readLiveState, writeLiveState } from './live-state-file';
export { captureLiveState } from './capture-live-state';
