import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyId } from './ed25519-keys';
import { PatchKeyError } from './errors';
import { loadTrustList, trustKeys } from './trust-list';
import { STRANGER, TRUSTED } from './testing/bundle-fixtures';
import { tempDir } from './testing/temp-dir';

const publicPem = (keys: typeof TRUSTED) => String(keys.publicKey.export({ type: 'spki', format: 'pem' }));

const folder = tempDir('tickswap-trust-');

const file = async (name: string, text: string) => {
  await writeFile(join(folder(), name), text);
  return join(folder(), name);
};

describe('trust lists', () => {
  const both = [keyId(TRUSTED.publicKey), keyId(STRANGER.publicKey)].sort();

  it('come from public keys, by key id', () => {
    expect([...trustKeys([TRUSTED.publicKey]).keys()]).toEqual([keyId(TRUSTED.publicKey)]);
    expect(() => trustKeys([TRUSTED.privateKey])).toThrow('trustKeys failed: a trusted key is a private key');
  });

  it('load from a JSON object of name -> PEM', async () => {
    const path = await file('trust.json', JSON.stringify({ desk: publicPem(TRUSTED), ci: publicPem(STRANGER) }));
    expect([...(await loadTrustList(path)).keys()].sort()).toEqual(both);
  });

  it('load from a directory of .pub files, ignoring other files', async () => {
    await mkdir(join(folder(), 'keys'));
    await writeFile(join(folder(), 'keys', 'desk.pub'), publicPem(TRUSTED));
    await writeFile(join(folder(), 'keys', 'ci.pub'), publicPem(STRANGER));
    await writeFile(join(folder(), 'keys', 'README'), 'not a key');
    expect([...(await loadTrustList(join(folder(), 'keys'))).keys()].sort()).toEqual(both);
  });

  it.each([
    ['a missing path', async () => join(folder(), 'none.json'), /^loadTrustList failed: .*none.json does not exist; a trust list is a JSON object of name -> PEM public key, or a directory of .pub files$/],
    ['a file that is not JSON', () => file('t.json', '{'), /^loadTrustList failed: .*t.json is not JSON/],
    ['JSON that is not an object', () => file('t.json', '["pem"]'), /t.json is not a JSON object/],
    ['an entry that is not a string', () => file('t.json', '{"desk": 1}'), /t.json entry 'desk' is not a PEM string/],
    ['an entry that is not a key', () => file('t.json', '{"desk": "nope"}'), /t.json entry 'desk' is not a PEM public key/],
    ['a private key', () => file('t.json', JSON.stringify({ desk: String(TRUSTED.privateKey.export({ type: 'pkcs8', format: 'pem' })) })), /entry 'desk' holds a private key/],
    ['a list that trusts no key', () => file('t.json', '{}'), /t.json trusts no key/],
    ['a directory with no .pub file', async () => folder(), /trusts no key/],
  ])('refuse %s', async (_what, path, message) => {
    const loading = loadTrustList(await path());
    await expect(loading).rejects.toThrow(PatchKeyError);
    await expect(loading).rejects.toThrow(message);
  });
});
