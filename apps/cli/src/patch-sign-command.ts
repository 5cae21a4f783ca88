import { readPrivateKey, signBundle } from '@tickswap/patch-format';
import { readBundleFile, writeBundleFile } from './bundle-files';
import { subcommand } from './command-group';

/**
 * `tickswap patch sign <bundle.json> --key <file> [--out <file>]`: the
 * bundle signed with a private key, written over itself unless `--out`
 * names another file. Refuses a bundle changed since its build.
 *
 * @example
 * tickswap patch sign pid.bundle.json --key keys/desk.key
 */
export const patchSignCommand = subcommand({
  name: 'patch sign',
  synopsis: '<bundle.json> --key <file> [--out <file>]',
  summary: 'sign a bundle with a private key (.key); written in place unless --out is given',
  options: ['key', 'out'],
  positionals: 1,
  async run(args) {
    const path = args.positionals[0] as string;
    const key = await readPrivateKey(args.required('key'));
    const signed = signBundle(await readBundleFile(path, 'tickswap patch sign'), key);
    const out = args.option('out') ?? path;
    await writeBundleFile(out, signed, 'tickswap patch sign');
    console.log(`signed patch ${signed.id} with key ${signed.signature.keyId}: wrote ${out}`);
    return 0;
  },
});
