import {
  BundleDigestError,
  BundleFormatError,
  BundleLoadError,
  BundleShapeError,
  BundleSignatureError,
  BundleSizeError,
  BundleSyntaxError,
  BundleVersionError,
  UntrustedKeyError,
} from '@tickswap/patch-format';
import { PatchRejectedError } from './errors';
import type { RejectReason } from './reasons';

// The `/result` reason of each refusal of `verifyBundle` and `loadBundle`: the operator reads these, not class names.
const REASONS: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, RejectReason]> = [
  [BundleSizeError, 'too-large'],
  [BundleSyntaxError, 'malformed-json'],
  [BundleFormatError, 'unsupported-format'],
  [BundleShapeError, 'invalid-bundle'],
  [BundleDigestError, 'bad-digest'],
  [BundleSignatureError, 'bad-signature'],
  [UntrustedKeyError, 'untrusted-key'],
  [BundleVersionError, 'wrong-version'],
  // Signed code that does not load, or does not export what it declares, is as unusable as a malformed bundle.
  [BundleLoadError, 'invalid-bundle'],
];

/**
 * The error a pipeline stage throws for an error of `@tickswap/patch-format`:
 * a `PatchRejectedError` with its `/result` reason, or the error itself when
 * it is not a refusal (a bug, reported by the agent as `stage-error`).
 *
 * @example
 * try { verifyBundle(bundle, options); } catch (error) { throw rejectionOf(error); }
 */
export function rejectionOf(error: unknown): unknown {
  const reason = REASONS.find(([type]) => error instanceof type)?.[1];
  return reason === undefined ? error : new PatchRejectedError(reason, (error as Error).message);
}
