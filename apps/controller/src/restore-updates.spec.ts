import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UpdateLogEntry } from '@tickswap/control-loop';
import { trustKeys } from '@tickswap/patch-format';
import { probeBundle } from '../test/signed-bundles';
import { BundleStore, BundleStoreError } from './bundle-store';
import { restoreUpdates } from './restore-updates';
import { journalLine } from './update-journal';

const folder = () => mkdtempSync(join(tmpdir(), 'tickswap-restore-'));
const desk = generateKeyPairSync('ed25519');
const TRUSTED = trustKeys([desk.publicKey]);

const committed = (id: string, from: string, to: string): UpdateLogEntry => ({
  event: 'committed', id, from, to, policy: 'prepared', version: to, tick: 1, at: 1, reason: undefined, failure: undefined, downtime: undefined, preparation: undefined,
});

/** A journal with `bundles` committed in order, each kept in the store beside it. */
async function journalOf(bundles: ReturnType<typeof probeBundle>[]): Promise<string> {
  const journalPath = join(folder(), 'updates.log');
  const store = new BundleStore(journalPath);
  for (const bundle of bundles) await store.save(bundle);
  writeFileSync(journalPath, bundles.map((b) => journalLine(committed(b.id, b.from, b.to))).join(''));
  return journalPath;
}

describe('restoreUpdates with bundles received over MQTT', () => {
  it('loads each committed patch from its stored bundle, verified again, in order', async () => {
    const first = probeBundle('0', '1', desk.privateKey);
    const journalPath = await journalOf([first]);
    const restored = await restoreUpdates(journalPath, '0', TRUSTED);
    expect(restored).toMatchObject({ version: '1', ids: [first.id], message: `restored version 1 from ${journalPath}: ${first.id}` });
    expect(restored.patches.map((p) => [p.from, p.to])).toEqual([['0', '1']]);
    expect(restored.sources).toEqual([{ kind: 'bundle', bundle: first }]);
  });

  it('refuses to start when the key of a stored bundle is no longer trusted, naming the patch and what to do', async () => {
    const journalPath = await journalOf([probeBundle('0', '1', desk.privateKey)]);
    const restoring = restoreUpdates(journalPath, '0', trustKeys([]));
    await expect(restoring).rejects.toThrow(BundleStoreError);
    await expect(restoreUpdates(journalPath, '0', trustKeys([]))).rejects.toThrow(/no longer verifies or applies: .*; restore its bundle or trust its key again \(--trust\), or move the journal away to start on version 0$/);
  });

  it('refuses a damaged stored bundle', async () => {
    const bundle = probeBundle('0', '1', desk.privateKey);
    const journalPath = await journalOf([bundle]);
    writeFileSync(new BundleStore(journalPath).pathOf(bundle.id), '{"format":');
    await expect(restoreUpdates(journalPath, '0', TRUSTED)).rejects.toThrow(/BundleStore#read failed: .* is not the bundle of patch/);
  });
});

describe('BundleStore', () => {
  it('reads back what it saved, and nothing for a patch it never saw (a module named by its path)', async () => {
    const store = new BundleStore(join(folder(), 'updates.log'));
    const bundle = probeBundle('3', '4', desk.privateKey);
    await store.save(bundle);
    expect(store.read(bundle.id)).toEqual(bundle);
    expect(store.read('/work/robot/patches/mine.ts')).toBeUndefined();
  });

  it('says which patch it could not store and what to do', async () => {
    const blocked = join(folder(), 'file');
    writeFileSync(blocked, '');
    const store = new BundleStore(join(blocked, 'updates.log')); // its folder would be inside a file
    await expect(store.save(probeBundle('0', '1', desk.privateKey))).rejects.toThrow(/^BundleStore#save failed: cannot store patch '.*' in .*; free or fix the disk, then publish the patch again$/);
  });
});
