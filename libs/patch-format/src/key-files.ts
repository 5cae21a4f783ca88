import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedKey, keyId } from './ed25519-keys';
import { PatchKeyError } from './errors';

/** The files `generateKeyPair` wrote and the id of the key. */
export interface KeyPairFiles {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  readonly keyId: string;
}

const NEW_KEYS = 'create a key pair with `tickswap keys new --out <dir>`';

/**
 * What went wrong with a file, in words, for a {@link PatchKeyError}.
 *
 * @example
 * throw new PatchKeyError(`readPublicKey failed: ${fileProblem(error, path)}`);
 */
export function fileProblem(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path} does not exist`;
  if (code === 'EACCES') return `${path} cannot be read (permission denied)`;
  if (code === 'EISDIR') return `${path} is a directory, not a key file`;
  return `${path} cannot be read (${String(error)})`;
}

async function readText(path: string, method: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new PatchKeyError(`${method} failed: ${fileProblem(error, path)}; ${NEW_KEYS}`, { cause: error });
  }
}

const WRONG_HALF = {
  public: { marker: 'PRIVATE KEY', advice: 'give the public key (.pub) and keep the private one off the robot' },
  private: { marker: 'PUBLIC KEY', advice: 'give the private key (.key)' },
} as const;

function parseKey(pem: string, type: 'public' | 'private', method: string, what: string): KeyObject {
  const { marker, advice } = WRONG_HALF[type];
  // Refused rather than converted: a private key has no place in a trust list, a public one cannot sign.
  if (pem.includes(marker)) throw new PatchKeyError(`${method} failed: ${what} holds a ${marker.toLowerCase()}; ${advice}`);
  try {
    return checkedKey(type === 'public' ? createPublicKey(pem) : createPrivateKey(pem), type, method, what);
  } catch (error) {
    if (error instanceof PatchKeyError) throw error;
    throw new PatchKeyError(`${method} failed: ${what} is not a PEM ${type} key (${String(error)}); ${NEW_KEYS}`, { cause: error });
  }
}

/**
 * An Ed25519 public key from PEM text; `what` names its origin in messages.
 *
 * @example
 * parsePublicKey(pem, 'loadTrustList', "trust.json entry 'desk'");
 */
export function parsePublicKey(pem: string, method: string, what: string): KeyObject {
  return parseKey(pem, 'public', method, what);
}

/**
 * Reads an Ed25519 public key (PEM, as `generateKeyPair` writes `.pub` files).
 *
 * @example
 * const key = await readPublicKey('keys/desk.pub');
 */
export async function readPublicKey(path: string): Promise<KeyObject> {
  return parsePublicKey(await readText(path, 'readPublicKey'), 'readPublicKey', path);
}

/**
 * Reads an Ed25519 private key (PEM, as `generateKeyPair` writes `.key`
 * files). Like ssh, refuses a key file other users may read.
 *
 * @example
 * const key = await readPrivateKey('keys/desk.key');
 */
export async function readPrivateKey(path: string): Promise<KeyObject> {
  const pem = await readText(path, 'readPrivateKey');
  const { mode } = await stat(path);
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new PatchKeyError(`readPrivateKey failed: ${path} may be read by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}`);
  }
  return parseKey(pem, 'private', 'readPrivateKey', path);
}

async function refuseExisting(path: string): Promise<void> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) throw new PatchKeyError(`generateKeyPair failed: ${path} exists already; choose another name or move the old key pair away`);
}

/**
 * Creates an Ed25519 key pair and writes it as PEM: `<dir>/<name>.key`
 * (PKCS #8, mode 0600: only its owner may read it) and `<dir>/<name>.pub`
 * (SPKI). Never overwrites a key.
 *
 * @example
 * const { publicKeyPath, keyId } = await generateKeyPair('keys', 'desk'); // keys/desk.key, keys/desk.pub
 */
export async function generateKeyPair(dir: string, name = 'tickswap'): Promise<KeyPairFiles> {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) {
    throw new PatchKeyError(`generateKeyPair failed: '${name}' is not a key name; use letters, digits, '.', '_' and '-'`);
  }
  const privateKeyPath = join(dir, `${name}.key`);
  const publicKeyPath = join(dir, `${name}.pub`);
  await refuseExisting(privateKeyPath);
  await refuseExisting(publicKeyPath);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    await writeFile(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644, flag: 'wx' });
  } catch (error) {
    throw new PatchKeyError(`generateKeyPair failed: cannot write the key pair in ${dir} (${String(error)}); choose a directory you may write to`, { cause: error });
  }
  return { privateKeyPath, publicKeyPath, keyId: keyId(publicKey) };
}
