import { commandGroup } from './command-group';
import { patchBuildCommand } from './patch-build-command';
import { patchInspectCommand } from './patch-inspect-command';
import { patchSignCommand } from './patch-sign-command';

/**
 * `tickswap patch <subcommand>`: build, sign and inspect patch bundles.
 *
 * @example
 * await patchCommand.run(['inspect', 'pid.bundle.json']);
 */
export const patchCommand = commandGroup('patch', 'build, sign and inspect patch bundles (patch build | sign | inspect)', {
  build: patchBuildCommand,
  sign: patchSignCommand,
  inspect: patchInspectCommand,
});
