// Public API of @tickswap/patch-format: every export is named here.
export { DEFAULT_MAX_BUNDLE_BYTES, PATCH_FORMAT } from './bundle';
export type {
  BehaviourClasses,
  BundleDeclaration,
  BundleSignature,
  DeclaredChanges,
  DeclaredClassChange,
  DeclaredFieldChanges,
  DeclaredStep,
  PatchBundle,
  PatchDeclaration,
  SignedPatchBundle,
} from './bundle';
export {
  BundleBuildError,
  BundleDeclarationError,
  BundleDigestError,
  BundleFormatError,
  BundleLoadError,
  BundleRefusedError,
  BundleShapeError,
  BundleSignatureError,
  BundleSizeError,
  BundleSyntaxError,
  BundleVersionError,
  PatchKeyError,
  UntrustedKeyError,
} from './errors';
export { ShapeProblem } from './schema';
export { canonicalJson } from './canonical-json';
export { bundleDigest } from './bundle-digest';
export { describePatch } from './describe-patch';
export { declarationLines } from './declaration-lines';
export { assembleBundle } from './assemble-bundle';
export { buildBundle, RUNTIME_PACKAGES } from './build-bundle';
export { STUB_MARKER, unfilledStubs } from './stub-marker';
export { importPatchPackage } from './import-patch-package';
export { signBundle } from './sign-bundle';
export type { ParseOptions } from './parse-bundle';
export { parseBundle } from './parse-bundle';
export type { VerifiedBundle, VerifyOptions } from './verify-bundle';
export { verifyBundle } from './verify-bundle';
export type { ModuleMap } from './evaluate-patch-code';
export type { LoadOptions } from './load-bundle';
export { loadBundle } from './load-bundle';
export { BEHAVIOURS_PACKAGE, modulesFor } from './running-classes';
export { keyId } from './ed25519-keys';
export type { KeyPairFiles } from './key-files';
export { generateKeyPair, readPrivateKey, readPublicKey } from './key-files';
export type { TrustedKeys } from './trust-list';
export { loadTrustList, trustKeys } from './trust-list';
