import { verify } from 'node:crypto';
import { assembleBundle } from './assemble-bundle';
import { keyId } from './ed25519-keys';
import { BundleDigestError, BundleShapeError, PatchKeyError } from './errors';
import { signBundle, signedMessage } from './sign-bundle';
import { mutableCopy, PROBE_DECLARATION, probeCode, STRANGER, TRUSTED } from './testing/bundle-fixtures';
import type { PatchBundle } from './bundle';

const unsigned = assembleBundle(PROBE_DECLARATION, probeCode());

describe('signBundle', () => {
  it("adds the signer's key id and an Ed25519 signature of the digest, leaving the rest as it was", () => {
    const signed = signBundle(unsigned, TRUSTED.privateKey);
    expect(signed).toEqual({ ...unsigned, signature: { keyId: keyId(TRUSTED.publicKey), value: expect.any(String) } });
    expect(verify(null, signedMessage(unsigned.digest), TRUSTED.publicKey, Buffer.from(signed.signature.value, 'base64'))).toBe(true);
    expect(unsigned.signature).toBeUndefined();
  });

  it('replaces an earlier signature', () => {
    const again = signBundle(signBundle(unsigned, TRUSTED.privateKey), STRANGER.privateKey);
    expect(again.signature.keyId).toBe(keyId(STRANGER.publicKey));
  });

  it('refuses to sign a bundle changed after its build', () => {
    const altered = mutableCopy(unsigned);
    altered.code += '\n// edited';
    expect(() => signBundle(altered as unknown as PatchBundle, TRUSTED.privateKey)).toThrow(BundleDigestError);
    expect(() => signBundle(altered as unknown as PatchBundle, TRUSTED.privateKey)).toThrow(/^signBundle failed: the digest does not match the content/);
  });

  it('refuses what is not a bundle, and a key that cannot sign', () => {
    expect(() => signBundle({ ...unsigned, id: '' }, TRUSTED.privateKey)).toThrow(BundleShapeError);
    expect(() => signBundle(unsigned, TRUSTED.publicKey)).toThrow(PatchKeyError);
    expect(() => signBundle(unsigned, TRUSTED.publicKey)).toThrow('signBundle failed: the signing key is a public key; give the private key (.key)');
  });
});
