import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseBundle, type PatchBundle } from '@tickswap/patch-format';

/**
 * A file the command could not read or write; the message names the command and the file.
 *
 * @example
 * new BundleFileError('tickswap patch inspect failed: cannot read pid.json (ENOENT ...); ...');
 */
export class BundleFileError extends Error {
  override readonly name = 'BundleFileError';
}

/**
 * Reads and parses a bundle file (format and shape checked; see `parseBundle`).
 *
 * @example
 * const bundle = await readBundleFile('pid.bundle.json', 'tickswap patch inspect');
 */
export async function readBundleFile(path: string, command: string): Promise<PatchBundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BundleFileError(`${command} failed: cannot read ${path} (${(error as Error).message}); give the file \`tickswap patch build\` wrote`, { cause: error });
  }
  return parseBundle(text);
}

/**
 * Writes a bundle as indented JSON (creating its folder), for people to read and diff.
 *
 * @example
 * await writeBundleFile('out/pid.bundle.json', bundle, 'tickswap patch build');
 */
export async function writeBundleFile(path: string, bundle: PatchBundle, command: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(bundle, null, 2)}\n`);
  } catch (error) {
    throw new BundleFileError(`${command} failed: cannot write ${path} (${(error as Error).message}); choose a path you may write to`, { cause: error });
  }
}
