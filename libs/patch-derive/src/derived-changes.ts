import type { FieldInitPlan } from './field-init';
import type { RenameCandidate } from './rename-guess';

/** A rename in a derived change: guessed from usages (the user may override it) or given by the user. */
export interface DerivedRename {
  readonly from: string;
  readonly to: string;
  /** The guess's score, or undefined when the user gave the rename. */
  readonly score: number | undefined;
}

/** A field kept under its name whose type changed incompatibly: its value needs a migration the user writes. */
export interface Retyped {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

/** The derived change of one class between two versions of the sources. */
export interface DerivedClassChange {
  readonly name: string;
  readonly kind: 'add' | 'remove' | 'replace';
  /** The file of the new version that declares it (undefined for a removed class). */
  readonly file: string | undefined;
  readonly added: readonly { readonly name: string; readonly type: string; readonly init: FieldInitPlan }[];
  readonly removed: readonly string[];
  readonly renamed: readonly DerivedRename[];
  /** For each field removed or renamed away: the added fields it may have become, best first. */
  readonly candidates: ReadonlyMap<string, readonly RenameCandidate[]>;
  readonly retyped: readonly Retyped[];
  /** A superclass change (the new superclass's name, or null for none). */
  readonly superclass?: { readonly from: string | null; readonly to: string | null };
  /** Why the class is in the patch, for people: `code changed`, `superclass Behaviour replaced`, `moved from a.ts`. */
  readonly reasons: readonly string[];
}

/** A place in the generated patch the user must fill in before it can be applied. */
export interface StubNote {
  readonly className: string;
  readonly field: string;
  /** `transform` for a field whose type changed, `add` for an added field whose value cannot be computed. */
  readonly kind: 'transform' | 'add';
  readonly message: string;
}

/** Everything derived between two versions of the sources. */
export interface DerivedChanges {
  readonly classes: readonly DerivedClassChange[];
  /** Classes only moved to another file (the same class: nothing to patch). */
  readonly moved: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  /** The stubs the generated patch has; a patch with any cannot be applied until they are filled in. */
  readonly stubs: readonly StubNote[];
}
