import type { KeyObject } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedKey, keyId } from './ed25519-keys';
import { PatchKeyError } from './errors';
import { fileProblem, parsePublicKey } from './key-files';

/** The public keys a robot accepts signatures from, by key id. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

const FORMS = 'a trust list is a JSON object of name -> PEM public key, or a directory of .pub files';

/**
 * The trust list of the given Ed25519 public keys.
 *
 * @example
 * const trustedKeys = trustKeys([await readPublicKey('keys/desk.pub')]);
 */
export function trustKeys(keys: Iterable<KeyObject>): TrustedKeys {
  return new Map([...keys].map((key) => [keyId(checkedKey(key, 'public', 'trustKeys', 'a trusted key')), key]));
}

async function fromJson(path: string): Promise<KeyObject[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new PatchKeyError(`loadTrustList failed: ${path} is not JSON (${String(error)}); ${FORMS}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PatchKeyError(`loadTrustList failed: ${path} is not a JSON object; ${FORMS}`);
  }
  return Object.entries(parsed).map(([name, pem]) => {
    if (typeof pem !== 'string') throw new PatchKeyError(`loadTrustList failed: ${path} entry '${name}' is not a PEM string; ${FORMS}`);
    return parsePublicKey(pem, 'loadTrustList', `${path} entry '${name}'`);
  });
}

async function fromDirectory(path: string): Promise<KeyObject[]> {
  const files = (await readdir(path)).filter((file) => file.endsWith('.pub')).sort();
  return Promise.all(files.map(async (file) => parsePublicKey(await readFile(join(path, file), 'utf8'), 'loadTrustList', join(path, file))));
}

/**
 * Reads a trust list: a JSON file mapping names to PEM public keys
 * (`{ "desk": "-----BEGIN PUBLIC KEY-----\n..." }`), or a directory whose
 * `.pub` files are the trusted keys. A list that trusts no key is refused
 * (a robot with one could never be updated), as is any entry that is not an
 * Ed25519 public key.
 *
 * @example
 * const trustedKeys = await loadTrustList('/etc/tickswap/trusted-keys');
 */
export async function loadTrustList(path: string): Promise<TrustedKeys> {
  let keys: KeyObject[];
  try {
    keys = (await stat(path)).isDirectory() ? await fromDirectory(path) : await fromJson(path);
  } catch (error) {
    if (error instanceof PatchKeyError) throw error;
    throw new PatchKeyError(`loadTrustList failed: ${fileProblem(error, path)}; ${FORMS}`, { cause: error });
  }
  if (keys.length === 0) throw new PatchKeyError(`loadTrustList failed: ${path} trusts no key; ${FORMS}`);
  return trustKeys(keys);
}
