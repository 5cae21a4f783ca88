import { bundleDigest } from '@tickswap/patch-format';
import { readBundleFile } from './bundle-files';
import { bundleSummary } from './bundle-summary';
import { subcommand } from './command-group';

/**
 * `tickswap patch inspect <bundle.json>`: the bundle's versions, digest, signer
 * and declared changes. Exits 1 when the digest does not match the content.
 * Does not check the signature: only a robot knows which keys it trusts.
 *
 * @example
 * tickswap patch inspect pid.bundle.json
 */
export const patchInspectCommand = subcommand({
  name: 'patch inspect',
  synopsis: '<bundle.json>',
  summary: 'print what a bundle declares (versions, class and field changes), its digest and signer',
  options: [],
  positionals: 1,
  async run(args) {
    const bundle = await readBundleFile(args.positionals[0] as string, 'tickswap patch inspect');
    const digestMatches = bundleDigest(bundle) === bundle.digest;
    console.log(bundleSummary(bundle, digestMatches).join('\n'));
    return digestMatches ? 0 : 1;
  },
});
