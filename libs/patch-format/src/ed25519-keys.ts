import { createPublicKey, type KeyObject } from 'node:crypto';
import { sha256Hex } from './bundle-digest';
import { PatchKeyError } from './errors';

/**
 * Checks that `key` is an Ed25519 key of the given type (`method` and
 * `what` name it in the message) and returns it.
 *
 * @example
 * const key = checkedKey(createPrivateKey(pem), 'private', 'readPrivateKey', 'keys/desk.key');
 */
export function checkedKey(key: KeyObject, type: 'public' | 'private', method: string, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new PatchKeyError(`${method} failed: ${what} is a ${key.asymmetricKeyType ?? key.type} key, not Ed25519; create one with \`tickswap keys new --out <dir>\``);
  }
  if (key.type !== type) {
    const advice = type === 'public' ? 'give the public key (.pub); the private one stays with whoever signs' : 'give the private key (.key)';
    throw new PatchKeyError(`${method} failed: ${what} is a ${key.type} key; ${advice}`);
  }
  return key;
}

/**
 * The id of an Ed25519 key: the first 16 hex digits of the SHA-256 of the
 * raw 32-byte public key (of the key itself, or of a private key's public half).
 *
 * @example
 * keyId(await readPublicKey('keys/desk.pub')); // '3f2a0c1d2e3f4a5b'
 */
export function keyId(key: KeyObject): string {
  const publicKey = checkedKey(key.type === 'private' ? createPublicKey(key) : key, 'public', 'keyId', 'the key');
  const { x } = publicKey.export({ format: 'jwk' });
  return sha256Hex(Buffer.from(x as string, 'base64url')).slice(0, 16);
}
