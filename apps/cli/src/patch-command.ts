import { commandGroup } from './command-group';
import { patchBuildCommand } from './patch-build-command';
import { patchInspectCommand } from './patch-inspect-command';
import { patchPublishCommand } from './patch-publish-command';
import { patchSignCommand } from './patch-sign-command';

/**
 * `tickswap patch <subcommand>`: build, sign, inspect and publish patch bundles.
 *
 * @example
 * await patchCommand.run(['inspect', 'pid.bundle.json']);
 */
export const patchCommand = commandGroup('patch', 'build, sign, inspect and publish patch bundles (patch build | sign | inspect | publish)', {
  build: patchBuildCommand,
  sign: patchSignCommand,
  inspect: patchInspectCommand,
  publish: patchPublishCommand,
});
