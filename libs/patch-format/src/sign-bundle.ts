import { sign, type KeyObject } from 'node:crypto';
import { PATCH_FORMAT, type PatchBundle, type SignedPatchBundle } from './bundle';
import { bundleDigest } from './bundle-digest';
import { checkBundleShape } from './bundle-shape';
import { checkedKey, keyId } from './ed25519-keys';
import { BundleDigestError } from './errors';

/**
 * The bytes a bundle's signature signs: its digest, prefixed by the format
 * so that a signature made for anything else never passes for a bundle's.
 *
 * @example
 * verify(null, signedMessage(bundle.digest), publicKey, Buffer.from(bundle.signature.value, 'base64'));
 */
export function signedMessage(digest: string): Buffer {
  return Buffer.from(`${PATCH_FORMAT} signature of ${digest}`, 'utf8');
}

/**
 * Checks that a bundle's digest matches its content and throws a
 * {@link BundleDigestError} otherwise (`method` names the caller).
 *
 * @example
 * checkDigest(bundle, 'verifyBundle');
 */
export function checkDigest(bundle: PatchBundle, method: string): void {
  const computed = bundleDigest(bundle);
  if (computed !== bundle.digest) {
    throw new BundleDigestError(
      `${method} failed: the digest does not match the content (bundle says ${bundle.digest}, content gives ${computed}): ` +
        'the code or the declaration changed after the build; build the patch again and sign the new bundle',
    );
  }
}

/**
 * The bundle signed with an Ed25519 private key: `signature` holds the
 * signer's key id and the signature of the digest (a signature already
 * there is replaced). Refuses a bundle that is not of this format or whose
 * digest does not match its content, so an altered bundle is never signed.
 *
 * @example
 * const signed = signBundle(await buildBundle('patches/pid-integral-limit'), await readPrivateKey('keys/desk.key'));
 */
export function signBundle(bundle: PatchBundle, privateKey: KeyObject): SignedPatchBundle {
  const checked = checkBundleShape(bundle, 'signBundle');
  checkDigest(checked, 'signBundle');
  const key = checkedKey(privateKey, 'private', 'signBundle', 'the signing key');
  const value = sign(null, signedMessage(checked.digest), key).toString('base64');
  return { ...checked, signature: { keyId: keyId(key), value } };
}
