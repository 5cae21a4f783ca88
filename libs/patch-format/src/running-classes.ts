import type { Namespace } from '@tickswap/dsu';
import type { PatchBundle } from './bundle';
import type { ModuleMap } from './evaluate-patch-code';

/** The package whose classes a namespace runs (the behaviours), by default. */
export const BEHAVIOURS_PACKAGE = '@tickswap/behaviours';

/**
 * `modules` with the behaviours package showing the classes `namespace` runs: a
 * patch derived from edited sources imports the classes it did not change
 * from the package, and after earlier patches those must be the patched
 * classes that run (the ones it extends and names), not the shipped ones.
 * The package's other exports (helpers, constants) stay as they are. The
 * package is read on first use, so a lazily loaded map stays lazy.
 *
 * @example
 * const modules = withRunningClasses(CONTROLLER_MODULES, live.namespace);
 */
export function withRunningClasses(modules: ModuleMap, namespace: Namespace): ModuleMap {
  // Descriptors, not values: a module the map loads on first use is still loaded only then.
  const { [BEHAVIOURS_PACKAGE]: _package, ...others } = Object.getOwnPropertyDescriptors(modules);
  const map = Object.defineProperties({}, others) as Record<string, unknown>;
  let overlaid: unknown;
  Object.defineProperty(map, BEHAVIOURS_PACKAGE, {
    enumerable: true,
    get: () => {
      const running = Object.fromEntries(namespace.names().map((name) => [name, namespace.get(name)]));
      overlaid ??= Object.freeze({ ...(modules[BEHAVIOURS_PACKAGE] as object), ...running });
      return overlaid;
    },
  });
  return Object.freeze(map);
}

/**
 * The modules a bundle's code must be loaded with (`loadBundle`'s
 * `modules`), as the bundle declares: `modules` as they are for a bundle
 * that means the shipped classes (no `classes`, or `'shipped'`), and with
 * `@tickswap/behaviours` showing the classes `namespace` runs (the version
 * the patch applies to) for one that declares `classes: 'running'`. The
 * choice is the signed bundle's, so a desk and a robot load it alike.
 *
 * @example
 * const patch = loadBundle(verified, { modules: modulesFor(verified, CONTROLLER_MODULES, live.namespace) });
 */
export function modulesFor(bundle: Pick<PatchBundle, 'classes'>, modules: ModuleMap, namespace: Namespace): ModuleMap {
  return bundle.classes === 'running' ? withRunningClasses(modules, namespace) : modules;
}
