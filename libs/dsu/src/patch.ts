import type { AnyClass } from './class-descriptor';

/** The fields of an instance (or statics, or globals) before a change, read-only. */
export type OldFields = Readonly<Record<string, unknown>>;

/** How an added field gets its value: a primitive constant, or an initialiser of the old fields. */
export type FieldInit = { readonly value: unknown } | { readonly init: (old: OldFields) => unknown };

/**
 * Field-level changes of one class (or of its statics, or of the globals).
 * Names not mentioned are copied as they are (the general policy).
 */
export interface FieldChanges {
  /** New fields and their initial value. Object values must come from `init`, so instances do not share them. */
  readonly add?: Readonly<Record<string, FieldInit>>;
  /** Fields dropped with their value. */
  readonly remove?: readonly string[];
  /** Old name -> new name; the value is kept. */
  readonly rename?: Readonly<Record<string, string>>;
  /** New field name -> function of the (old, possibly renamed) value: a change of meaning or unit. */
  readonly transform?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** New field names allowed to become NaN where the old value was a finite number. */
  readonly allowNaN?: readonly string[];
}

/**
 * Application-dependent migration: receives the old fields and the new fields
 * the general policy computed; fills `fresh` in place or returns the new fields.
 */
export type Migration = (old: OldFields, fresh: Record<string, unknown>) => Record<string, unknown> | void;

/** A class new in the produced version. */
export interface AddClass {
  readonly kind: 'add';
  readonly code: AnyClass;
}

/**
 * A class whose code (and possibly shape) changes. Its field changes and
 * migration also apply to the instances of its subclasses, which must be
 * replaced too (a JavaScript subclass is bound to its superclass's code).
 */
export interface ReplaceClass extends FieldChanges {
  readonly kind: 'replace';
  readonly code: AnyClass;
  /** Declares a superclass change (the name in the new namespace, or null for none). */
  readonly superclass?: string | null;
  readonly statics?: FieldChanges;
  readonly migrate?: Migration;
}

/**
 * A class dropped from the namespace. Its live instances become instances of
 * `into` (migrated by these field changes); without `into`, the patch is
 * refused at prepare if any instance is live.
 */
export interface RemoveClass extends FieldChanges {
  readonly kind: 'remove';
  readonly into?: string;
  readonly migrate?: Migration;
}

/** The change of one class. */
export type ClassChange = AddClass | ReplaceClass | RemoveClass;

/** An application validation: returns a message when the migrated instance is wrong. */
export type InstanceCheck = (instance: object) => string | undefined;

/**
 * One declared update from version `from` to version `to`.
 *
 * @example
 * const patch: PatchStep = {
 *   from: '1', to: '2',
 *   classes: { Pid: { kind: 'replace', code: PidV2, rename: { ki: 'gain' }, add: { bias: { value: 0 } } } },
 *   validations: { Pid: (pid) => (Number.isFinite((pid as PidV2).gain) ? undefined : 'gain must be finite') },
 * };
 */
export interface PatchStep {
  readonly from: string;
  readonly to: string;
  readonly classes?: Readonly<Record<string, ClassChange>>;
  /** Changes of the namespace's module-level state (its `globals`). */
  readonly globals?: FieldChanges;
  /** Application validations, by class name of the produced version. */
  readonly validations?: Readonly<Record<string, InstanceCheck>>;
  /** The way back: a patch from `to` to `from` whose code is the old classes; used by rollback. */
  readonly inverse?: PatchStep;
}

/** Several steps applied as one atomic update (see `compose`). */
export interface ComposedPatch {
  readonly from: string;
  readonly to: string;
  readonly steps: readonly PatchStep[];
}

/** What `Namespace#apply` and `LiveSystem#prepare` accept. */
export type Patch = PatchStep | ComposedPatch;

/**
 * The steps of a patch, in order.
 *
 * @example
 * stepsOf(compose(p1, p2)); // [p1, p2]
 */
export function stepsOf(patch: Patch): readonly PatchStep[] {
  return 'steps' in patch ? patch.steps : [patch];
}
