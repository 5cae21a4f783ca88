import { buildBundle } from '@tickswap/patch-format';
import { writeBundleFile } from './bundle-files';
import { subcommand } from './command-group';

/**
 * `tickswap patch build <dir> --out <bundle.json>`: a patch package (a folder
 * whose patch.ts default-exports the patch) built into an unsigned bundle.
 *
 * @example
 * tickswap patch build patches/pid-integral-limit --out pid.bundle.json
 */
export const patchBuildCommand = subcommand({
  name: 'patch build',
  synopsis: '<dir> --out <bundle.json>',
  summary: 'bundle a patch package (a folder whose patch.ts default-exports the patch) into an unsigned bundle',
  options: ['out'],
  positionals: 1,
  async run(args) {
    const out = args.required('out');
    const bundle = await buildBundle(args.positionals[0] as string);
    await writeBundleFile(out, bundle, 'tickswap patch build');
    const kib = (Buffer.byteLength(bundle.code) / 1024).toFixed(1);
    console.log(`built patch ${bundle.id} (version ${bundle.from} -> ${bundle.to}, ${kib} KiB of code, ${bundle.digest}): wrote ${out}`);
    console.log(`it is unsigned: sign it with tickswap patch sign ${out} --key <private key>`);
    return 0;
  },
});
