import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBundle, type SignedPatchBundle } from '@tickswap/patch-format';

/** A stored bundle cannot be written or read back; the message says which file and what to do. */
export class BundleStoreError extends Error {
  override readonly name = 'BundleStoreError';
}

/** Writes `text` to `path` and flushes it to the disk before the call resolves. */
async function writeDurably(path: string, text: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writeFile(text);
    await file.datasync();
  } finally {
    await file.close();
  }
}

/**
 * The signed bundles of the patches the robot received over MQTT, kept
 * beside the update journal (`<journal>.bundles/<patch id>.json`). The
 * journal names a committed patch by its id only: after a restart, this is
 * where the controller finds the code to come back on the version it last
 * committed. A bundle is stored, flushed and renamed into place (a crash
 * leaves the old file or the new one, never half of one) before its update is
 * prepared, so no journalled commit can lack its bundle.
 *
 * @example
 * const store = new BundleStore('tickswap-updates.log');
 * await store.save(verified);         // before the commit is requested
 * store.read('pid-integral-limit-1'); // after a restart: the signed document, or undefined
 */
export class BundleStore {
  /** The folder of the bundles. */
  readonly dir: string;

  constructor(journalPath: string) {
    this.dir = `${journalPath}.bundles`;
  }

  /** The file of patch `id` (ids of module patches, such as paths, are escaped too). */
  pathOf(id: string): string {
    return join(this.dir, `${encodeURIComponent(id)}.json`);
  }

  /** Stores `bundle` for good; rejects with BundleStoreError when the disk refuses. */
  async save(bundle: SignedPatchBundle): Promise<void> {
    const path = this.pathOf(bundle.id);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeDurably(`${path}.partial`, JSON.stringify(bundle));
      await rename(`${path}.partial`, path);
    } catch (error) {
      throw new BundleStoreError(`BundleStore#save failed: cannot store patch '${bundle.id}' in ${this.dir} (${(error as Error).message}); free or fix the disk, then publish the patch again`, { cause: error });
    }
  }

  /**
   * The stored bundle of patch `id`, or `undefined` when none was stored
   * (a patch module, named by its path). Throws BundleStoreError when the file
   * is not a bundle any more (verify it again before use: this only reads it).
   */
  read(id: string): SignedPatchBundle | undefined {
    const path = this.pathOf(id);
    if (!existsSync(path)) return undefined;
    try {
      return parseBundle(readFileSync(path)) as SignedPatchBundle;
    } catch (error) {
      throw new BundleStoreError(`BundleStore#read failed: ${path} is not the bundle of patch '${id}' (${(error as Error).message}); restore it from the publisher's copy, or move the journal away to start on the base version`, { cause: error });
    }
  }
}
