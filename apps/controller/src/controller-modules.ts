import * as behaviours from '@tickswap/behaviours';
import * as controlLoop from '@tickswap/control-loop';
import * as dsu from '@tickswap/dsu';
import * as motorBus from '@tickswap/motor-bus';
import * as robots from '@tickswap/robots';
import type { ModuleMap } from '@tickswap/patch-format';
import * as rxjs from 'rxjs';

/**
 * The controller's own modules a patch bundle may require (`loadBundle`'s
 * `modules`): the very instances the running behaviours come from, so a
 * patch's classes extend the classes that run.
 *
 * @example
 * const patch = loadBundle(verified, { modules: CONTROLLER_MODULES });
 */
export const CONTROLLER_MODULES: ModuleMap = Object.freeze({
  '@tickswap/behaviours': behaviours,
  '@tickswap/control-loop': controlLoop,
  '@tickswap/dsu': dsu,
  '@tickswap/motor-bus': motorBus,
  '@tickswap/robots': robots,
  rxjs,
});
