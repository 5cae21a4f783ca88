import type { Namespace } from '@tickswap/dsu';
import type { ModuleMap } from '@tickswap/patch-format';
import { CONTROLLER_MODULES } from './controller-modules';

/**
 * The controller's modules with `@tickswap/behaviours` showing the classes
 * the robot runs now: a patch derived from edited sources imports the
 * classes it did not change from the package, and after earlier patches
 * those are the patched classes of the running namespace, not the shipped
 * ones (a class the patch extends or names must be the one that runs).
 *
 * @example
 * loadBundle(verified, { modules: liveModules(controller.live.namespace) });
 */
export function liveModules(namespace: Namespace): ModuleMap {
  const shipped = CONTROLLER_MODULES['@tickswap/behaviours'] as Readonly<Record<string, unknown>>;
  const running = Object.fromEntries(namespace.names().map((name) => [name, namespace.get(name)]));
  return Object.freeze({ ...CONTROLLER_MODULES, '@tickswap/behaviours': Object.freeze({ ...shipped, ...running }) });
}
