import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unfilledStubs } from '@tickswap/patch-format';
import { changeLines, derivePatchPackage, nextVersion, parseRenameChoices, readSourceDir, readSources, RenameChoiceError, writePatchPackage } from '@tickswap/patch-derive';
import { subcommand } from './command-group';
import { CliUsageError } from './commands';

/**
 * `tickswap patch new --from <ref|dir> --to <dir> [--out <dir>] [options]`:
 * derives the patch between two versions of the behaviour sources (the
 * folder `--to`, and `--from` as a folder or as that folder at a git ref)
 * and writes it as a patch package `tickswap patch build` takes unchanged.
 * Prints the changes (renames are guesses: `--rename`/`--no-rename`
 * override them) and every stub left to fill in.
 *
 * @example
 * tickswap patch new --from HEAD --to libs/behaviours/src --out patches/pid-bias
 */
export const patchNewCommand = subcommand({
  name: 'patch new',
  synopsis: '--from <ref|dir> --to <dir> [--out <dir>] [--from-version <v>] [--to-version <v>] [--rename C.old=new,...] [--no-rename C.old,...] [--package <name>]',
  summary: 'derive a patch package from two versions of the behaviour sources (a git ref or a folder, and a folder)',
  options: ['from', 'to', 'out', 'from-version', 'to-version', 'rename', 'no-rename', 'package'],
  positionals: 0,
  async run(args) {
    const from = args.required('from');
    const to = resolve(args.required('to'));
    const fromVersion = args.option('from-version') ?? '0';
    const toVersion = args.option('to-version') ?? nextVersion(fromVersion);
    const out = args.option('out') ?? join('patches', `behaviours-${fromVersion}-${toVersion}`);
    let choices;
    try {
      choices = parseRenameChoices(args.option('rename'), args.option('no-rename'));
    } catch (error) {
      throw new CliUsageError(`tickswap patch new: ${(error as Error).message}`);
    }
    const packageName = args.option('package') ?? '@tickswap/behaviours';
    let derived;
    try {
      derived = derivePatchPackage({ before: readSources(from, to), after: readSourceDir(to), from: fromVersion, to: toVersion, origin: `${from} -> ${args.required('to')}`, packageName, choices });
    } catch (error) {
      if (error instanceof RenameChoiceError) throw new CliUsageError(`tickswap patch new: ${error.message}`);
      throw error;
    }
    for (const line of changeLines(derived.changes)) console.log(line);
    if (derived.files.size === 0) {
      console.log(`nothing to patch between ${from} and ${args.required('to')}: no file written`);
      return 1;
    }
    await writePatchPackage(out, derived);
    console.log(`wrote patch ${fromVersion} -> ${toVersion} to ${out} (${[...derived.files.keys()].join(', ')})`);
    const stubs = unfilledStubs(readFileSync(join(out, 'patch.ts'), 'utf8'));
    if (stubs.length > 0) {
      console.log(`${stubs.length} stub(s) to fill in before it can be applied (a patch with one is refused):`);
      for (const stub of stubs) console.log(`  ${join(out, 'patch.ts')}:${stub.line}: ${stub.text.replace(/^\/\/\s*/, '')}`);
    }
    console.log(`then: tickswap patch build ${out} --out <bundle.json>`);
    return 0;
  },
});
