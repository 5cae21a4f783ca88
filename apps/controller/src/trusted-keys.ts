import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadTrustList, trustKeys, type TrustedKeys } from '@tickswap/patch-format';

/** Where the controller looks for its trust list when `--trust` names none. */
export const DEFAULT_TRUST = join(homedir(), '.tickswap');

/**
 * The keys whose signed patches the robot accepts: the trust list at `path`
 * (`--trust`), else the one in `~/.tickswap`, else none (every bundle is then
 * refused as `untrusted-key`, which `print` says). Rejects when the list named
 * cannot be read. Loaded once at start: the stored bundles of the journal are
 * verified again with it, and so is every patch received.
 *
 * @example
 * const trustedKeys = await loadTrustedKeys(args.trustPath, console.log);
 */
export async function loadTrustedKeys(path: string | undefined, print: (line: string) => void): Promise<TrustedKeys> {
  if (path !== undefined) return loadTrustList(path);
  if (existsSync(DEFAULT_TRUST)) return loadTrustList(DEFAULT_TRUST);
  print(`mqtt: no trust list (--trust, or ${DEFAULT_TRUST}): every patch will be refused as untrusted-key`);
  return trustKeys([]);
}
