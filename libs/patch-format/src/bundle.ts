/** The format this library writes and reads; a bundle of another format is refused. */
export const PATCH_FORMAT = 'tickswap.patch/1';

/** What `parseBundle` and `verifyBundle` accept unless told otherwise: 1 MiB of JSON. */
export const DEFAULT_MAX_BUNDLE_BYTES = 1024 * 1024;

/**
 * Field-level changes as declared, without their functions: the names of
 * fields added (whether by a constant or an initialiser), removed, renamed
 * (old -> new), given a transform, or allowed to become NaN.
 */
export interface DeclaredFieldChanges {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly rename?: Readonly<Record<string, string>>;
  readonly transform?: readonly string[];
  readonly allowNaN?: readonly string[];
}

/** The change of one class as declared (dsu's `ClassChange` without its code and functions). */
export interface DeclaredClassChange extends DeclaredFieldChanges {
  readonly kind: 'add' | 'replace' | 'remove';
  /** `add`, `replace`: the new code's own instance fields (its static `fields`), in order. */
  readonly fields?: readonly string[];
  /** `replace`: a declared superclass change (the new superclass's name, or null for none). */
  readonly superclass?: string | null;
  /** `replace`: changes of the static fields. */
  readonly statics?: DeclaredFieldChanges;
  /** `remove`: the class its instances become. */
  readonly into?: string;
  /** `replace`, `remove`: an application-dependent migration function is part of the code. */
  readonly migrate?: true;
}

/** Every change a patch step declares, in a form a person and the robot read before any code runs. */
export interface DeclaredChanges {
  readonly classes: Readonly<Record<string, DeclaredClassChange>>;
  /** Changes of the namespace's module-level state. */
  readonly globals?: DeclaredFieldChanges;
  /** The classes (of the produced version) the patch validates with a function of its own. */
  readonly validations?: readonly string[];
}

/** A declared step with its versions: what the inverse of a patch is declared as. */
export interface DeclaredStep extends DeclaredChanges {
  readonly from: string;
  readonly to: string;
}

/** The declaration a bundle carries: the changes, and the way back if the patch declares one. */
export interface BundleDeclaration extends DeclaredChanges {
  readonly inverse?: DeclaredStep;
}

/**
 * Which classes a patch's `@tickswap/behaviours` import means: the package
 * as it ships (`shipped`), or the classes of the version the patch applies
 * to, as they run after earlier patches (`running`: a patch derived from
 * edited sources imports the classes it did not change, and extends and
 * names them). A bundle without the declaration means the shipped package.
 */
export type BehaviourClasses = 'shipped' | 'running';

/** A patch step's versions and declared changes, and the classes it is loaded with, as a bundle carries them. */
export interface PatchDeclaration {
  readonly from: string;
  readonly to: string;
  readonly changes: BundleDeclaration;
  /** What the code's `@tickswap/behaviours` means (absent: `shipped`); the patch package's `export const classes`. */
  readonly classes?: BehaviourClasses;
}

/** The Ed25519 signature of a bundle's digest, and which key made it. */
export interface BundleSignature {
  /** First 16 hex digits of the SHA-256 of the signer's raw public key (see `keyId`). */
  readonly keyId: string;
  /** The 64-byte Ed25519 signature, base64. */
  readonly value: string;
}

/**
 * A patch bundle: one JSON document. `digest` is the SHA-256 of the
 * canonical JSON (keys sorted, no white space) of every other field but
 * `signature`; the signature signs the digest.
 */
export interface PatchBundle {
  readonly format: typeof PATCH_FORMAT;
  /** A name for logs and result messages: the produced version and the start of the content's hash. */
  readonly id: string;
  /** The version the patch applies to. */
  readonly from: string;
  /** The version it produces. */
  readonly to: string;
  readonly changes: BundleDeclaration;
  /** What the code's `@tickswap/behaviours` means (absent: `shipped`); load it with `modulesFor`. */
  readonly classes?: BehaviourClasses;
  /** CommonJS; its default export is the dsu `Patch`. */
  readonly code: string;
  /** `sha256:` and 64 lower-case hex digits. */
  readonly digest: string;
  readonly signature?: BundleSignature;
}

/** A bundle with its signature. */
export interface SignedPatchBundle extends PatchBundle {
  readonly signature: BundleSignature;
}
