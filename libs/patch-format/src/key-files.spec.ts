import { createHash, generateKeyPairSync } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyId } from './ed25519-keys';
import { PatchKeyError } from './errors';
import { generateKeyPair, readPrivateKey, readPublicKey } from './key-files';
import { TRUSTED } from './testing/bundle-fixtures';
import { tempDir } from './testing/temp-dir';

const folder = tempDir('tickswap-keys-');

const pem = (key: { export(options: { type: 'spki' | 'pkcs8'; format: 'pem' }): string | Buffer }, type: 'spki' | 'pkcs8') => String(key.export({ type, format: 'pem' }));

describe('generateKeyPair', () => {
  it('writes name.key (mode 0600) and name.pub as PEM, readable back as one pair', async () => {
    const files = await generateKeyPair(join(folder(), 'keys'), 'desk');
    expect(files.privateKeyPath).toBe(join(folder(), 'keys', 'desk.key'));
    expect(files.publicKeyPath).toBe(join(folder(), 'keys', 'desk.pub'));
    expect((await stat(files.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(files.privateKeyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await readFile(files.publicKeyPath, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyId(await readPrivateKey(files.privateKeyPath))).toBe(files.keyId);
    expect(keyId(await readPublicKey(files.publicKeyPath))).toBe(files.keyId);
  });

  it('never overwrites a key, and refuses a name that is not a file name', async () => {
    await generateKeyPair(folder(), 'desk');
    await expect(generateKeyPair(folder(), 'desk')).rejects.toThrow(new RegExp(`^generateKeyPair failed: ${join(folder(), 'desk.key')} exists already; choose another name`));
    await expect(generateKeyPair(folder(), '../up')).rejects.toThrow("generateKeyPair failed: '../up' is not a key name");
    await writeFile(join(folder(), 'file'), '');
    await expect(generateKeyPair(join(folder(), 'file'), 'x')).rejects.toThrow(/^generateKeyPair failed: cannot write the key pair in .*; choose a directory you may write to/);
  });
});

describe('keyId', () => {
  it('is the first 16 hex digits of the SHA-256 of the raw public key, from either half', () => {
    const raw = (TRUSTED.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
    expect(keyId(TRUSTED.publicKey)).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(keyId(TRUSTED.privateKey)).toBe(keyId(TRUSTED.publicKey));
  });
});

describe('reading keys refuses, saying what to do', () => {
  const write = async (name: string, text: string, mode = 0o600) => {
    await writeFile(join(folder(), name), text, { mode });
    await chmod(join(folder(), name), mode);
    return join(folder(), name);
  };

  it('a missing file or a directory', async () => {
    await expect(readPublicKey(join(folder(), 'none.pub'))).rejects.toThrow(/^readPublicKey failed: .*none.pub does not exist; create a key pair with `tickswap keys new --out <dir>`/);
    await expect(readPrivateKey(folder())).rejects.toThrow(/^readPrivateKey failed: .* is a directory, not a key file/);
  });

  it('a file that is not PEM', async () => {
    await expect(readPublicKey(await write('x.pub', 'hello'))).rejects.toThrow(/^readPublicKey failed: .*x.pub is not a PEM public key/);
    await expect(readPrivateKey(await write('x.key', 'hello'))).rejects.toThrow(/^readPrivateKey failed: .*x.key is not a PEM private key/);
  });

  it('a private key readable by others', async () => {
    const path = await write('loose.key', pem(TRUSTED.privateKey, 'pkcs8'), 0o644);
    await expect(readPrivateKey(path)).rejects.toThrow(`readPrivateKey failed: ${path} may be read by other users (mode 644); run chmod 600 ${path}`);
  });

  it('the wrong half of the pair', async () => {
    await expect(readPrivateKey(await write('pub.key', pem(TRUSTED.publicKey, 'spki')))).rejects.toThrow(/holds a public key; give the private key \(.key\)/);
    await expect(readPublicKey(await write('key.pub', pem(TRUSTED.privateKey, 'pkcs8')))).rejects.toThrow(/holds a private key; give the public key \(.pub\) and keep the private one off the robot/);
  });

  it('a key that is not Ed25519', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(readPrivateKey(await write('ec.key', pem(privateKey, 'pkcs8')))).rejects.toThrow(/ec.key is a ec key, not Ed25519/);
    await expect(readPublicKey(await write('ec.pub', pem(publicKey, 'spki')))).rejects.toThrow(PatchKeyError);
  });
});
