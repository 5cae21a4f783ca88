// Public API of @tickswap/physics: every export is named here.
export { PhysicsParameterError } from './physics-parameter-error';
export type { ServoParameters } from './servo-parameters';
export { ServoBank } from './servo-bank';
export type { DiffDriveGeometry } from './diff-drive-body';
export { DiffDriveBody } from './diff-drive-body';
