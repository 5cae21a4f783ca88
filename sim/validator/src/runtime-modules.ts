import type { ModuleMap } from '@tickswap/patch-format';

/** The runtime's packages a patch may require, each loaded on first use (the worker starts faster without rxjs). */
const PACKAGES = ['@tickswap/behaviours', '@tickswap/dsu', '@tickswap/motor-bus', '@tickswap/control-loop', '@tickswap/physics', '@tickswap/robots', 'rxjs'] as const;

/**
 * The modules a bundle's code gets in the gate's worker (`loadBundle`'s
 * `modules`): this thread's own copies of the runtime's packages, so the
 * patch's classes extend the very classes the worker rebuilt the running
 * version from (`modulesFor` shows the running classes to a bundle that
 * means them). Each is required the first time a patch asks for it.
 *
 * @example
 * const patch = loadBundle(verified, { modules: modulesFor(verified, runtimeModules(), running) });
 */
export function runtimeModules(): ModuleMap {
  const map: Record<string, unknown> = {};
  for (const id of PACKAGES) {
    // Required through the worker's CommonJS hooks: an import() would miss the TypeScript sources.
    Object.defineProperty(map, id, { enumerable: true, get: () => require(id) as unknown });
  }
  return map;
}
