// Public API of @tickswap/dsu: every export is named here.
export type { AnyClass, ClassDescriptor } from './class-descriptor';
export { compose } from './compose';
export { CommittedUpdate } from './committed-update';
export {
  DeclarationError,
  MigrationError,
  PatchRefusedError,
  PatchVersionError,
  SnapshotError,
  UpdateStateError,
  ValidationError,
} from './errors';
export { LiveSystem } from './live-system';
export { Namespace } from './namespace';
export type { NamespaceEntry } from './namespace';
export type {
  AddClass,
  ClassChange,
  ComposedPatch,
  FieldChanges,
  FieldInit,
  InstanceCheck,
  Migration,
  OldFields,
  Patch,
  PatchStep,
  RemoveClass,
  ReplaceClass,
} from './patch';
export { stepsOf } from './patch';
export { fromSnapshot } from './from-snapshot';
export { PreparedUpdate } from './prepared-update';
export type { Snapshot, SnapshotNode, SnapshotValue, SpecialValue } from './snapshot-format';
export { toSnapshot } from './to-snapshot';
export type { FunctionPolicy } from './state-checks';
export type { Policy, PrepareOptions } from './update-host';
export type { ValidateOptions } from './validate-state';
