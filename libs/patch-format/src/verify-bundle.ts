import { verify } from 'node:crypto';
import { DEFAULT_MAX_BUNDLE_BYTES, type PatchBundle, type SignedPatchBundle } from './bundle';
import { BundleSignatureError, BundleSyntaxError, BundleVersionError, UntrustedKeyError } from './errors';
import { readBundle } from './parse-bundle';
import { checkDigest, signedMessage } from './sign-bundle';
import type { TrustedKeys } from './trust-list';

/** What a receiver requires of a bundle. */
export interface VerifyOptions {
  /** The keys whose signatures it accepts. */
  readonly trustedKeys: TrustedKeys;
  /** The version it runs: a bundle must apply to it. */
  readonly runningVersion: string;
  /** The largest bundle accepted, in bytes of JSON (default {@link DEFAULT_MAX_BUNDLE_BYTES}). */
  readonly maxBytes?: number;
}

declare const verified: unique symbol;

/** A bundle `verifyBundle` accepted: deeply frozen, the only kind `loadBundle` runs. */
export type VerifiedBundle = SignedPatchBundle & { readonly [verified]: true };

// Bundles verifyBundle returned; frozen, so nothing can change between verification and load.
const VERIFIED = new WeakSet<object>();

/**
 * Whether `bundle` is a value `verifyBundle` returned.
 *
 * @example
 * if (!isVerified(bundle)) throw new BundleLoadError('...');
 */
export function isVerified(bundle: unknown): bundle is VerifiedBundle {
  return typeof bundle === 'object' && bundle !== null && VERIFIED.has(bundle);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function jsonText(input: string | Uint8Array | object): string | Uint8Array {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (error) {
    throw new BundleSyntaxError(`verifyBundle failed: the bundle has no JSON form (${String(error)}); pass the parsed JSON document or its text`, { cause: error });
  }
  if (text === undefined) throw new BundleSyntaxError(`verifyBundle failed: ${typeof input} is not a bundle; pass the parsed JSON document or its text`);
  return text;
}

function requireSignature(bundle: PatchBundle): asserts bundle is SignedPatchBundle {
  if (bundle.signature === undefined) {
    throw new BundleSignatureError('verifyBundle failed: the bundle is not signed; sign it with `tickswap patch sign <bundle> --key <private key>`');
  }
}

function checkSignature(bundle: SignedPatchBundle, trustedKeys: TrustedKeys): void {
  const { keyId, value } = bundle.signature;
  const key = trustedKeys.get(keyId);
  if (key === undefined) {
    const trusted = [...trustedKeys.keys()].join(', ') || 'none';
    throw new UntrustedKeyError(
      `verifyBundle failed: the bundle is signed by key ${keyId}, which is not trusted here (trusted: ${trusted}); ` +
        "sign with a key the robot trusts or add its public key to the robot's trust list",
      keyId,
    );
  }
  if (!verify(null, signedMessage(bundle.digest), key, Buffer.from(value, 'base64'))) {
    throw new BundleSignatureError(
      `verifyBundle failed: the signature does not verify with trusted key ${keyId}: the bundle was altered after signing or signed by another key; ` +
        'sign the bundle again with the private key of that id',
    );
  }
}

/**
 * Decides whether a received bundle (JSON text, bytes, or the parsed JSON
 * value) may run here, without running any of it: size (before parsing), JSON, format, shape (every field, none extra),
 * signature present, digest of the content, key trusted, signature of the
 * digest, and that it applies to the running version. Returns the bundle
 * deeply frozen, as the only value `loadBundle` accepts. Throws a
 * `BundleRefusedError` subclass naming what was wrong.
 *
 * @example
 * const bundle = verifyBundle(payload, { trustedKeys, runningVersion: '0', maxBytes: 256 * 1024 });
 * const patch = loadBundle(bundle, { modules: { '@tickswap/behaviours': behaviours } });
 */
export function verifyBundle(input: string | Uint8Array | object, options: VerifyOptions): VerifiedBundle {
  const bundle = readBundle(jsonText(input), options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES, 'verifyBundle');
  requireSignature(bundle);
  checkDigest(bundle, 'verifyBundle');
  checkSignature(bundle, options.trustedKeys);
  if (bundle.from !== options.runningVersion) {
    throw new BundleVersionError(
      `verifyBundle failed: the patch applies to version '${bundle.from}' but version '${options.runningVersion}' is running; build a patch from version '${options.runningVersion}'`,
    );
  }
  deepFreeze(bundle);
  VERIFIED.add(bundle);
  return bundle as VerifiedBundle;
}
