import { commandGroup } from './command-group';
import { patchBuildCommand } from './patch-build-command';
import { patchInspectCommand } from './patch-inspect-command';
import { patchNewCommand } from './patch-new-command';
import { patchPublishCommand } from './patch-publish-command';
import { patchSignCommand } from './patch-sign-command';
import { patchTestCommand } from './patch-test-command';

/**
 * `tickswap patch <subcommand>`: derive a patch package from edited sources, build, sign, inspect and publish patch bundles, and test patches on the simulator gate.
 *
 * @example
 * await patchCommand.run(['inspect', 'pid.bundle.json']);
 */
export const patchCommand = commandGroup('patch', 'derive, build, sign, inspect, publish and test patches (patch new | build | sign | inspect | publish | test)', {
  new: patchNewCommand,
  build: patchBuildCommand,
  sign: patchSignCommand,
  inspect: patchInspectCommand,
  publish: patchPublishCommand,
  test: patchTestCommand,
});
