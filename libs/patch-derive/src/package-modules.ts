import { DeriveError } from './errors';
import { exportedNames, relativeImports, type RelativeImport } from './module-imports';
import type { SourceTree } from './source-tree';

/** Where a patch package's copies of the sources go, and what the runtime package is called. */
export interface PackageModulesOptions {
  /** The package the sources are (`@tickswap/behaviours`): unchanged modules are imported from it. */
  readonly packageName: string;
  /** The package's entry module in the tree (default `index.ts`): what it exports can be imported by name. */
  readonly entry?: string;
}

/**
 * The modules a patch package carries, with their imports rewritten: the
 * given files (those declaring changed classes), and any unchanged module
 * they import something from that the runtime package does not export.
 * An import of an unchanged module whose names the package exports becomes
 * an import of the package, so on the robot it gets the classes and helpers
 * that run, never a second copy of them. Returns path -> text.
 *
 * @example
 * packageModules(tree, ['pid.ts'], { packageName: '@tickswap/behaviours' });
 * // Map { 'pid.ts' => "import { Behaviour } from '@tickswap/behaviours';..." }
 */
export function packageModules(tree: SourceTree, files: readonly string[], options: PackageModulesOptions): Map<string, string> {
  const exported = exportedNames(tree, options.entry ?? 'index.ts');
  const carried = new Set(files);
  const pending = [...files];
  const rewrites = new Map<string, RelativeImport[]>();
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    if (!tree.has(file)) throw new DeriveError(`packageModules failed: ${file} is not among the sources`);
    const toPackage: RelativeImport[] = [];
    for (const found of relativeImports(tree, file)) {
      if (found.target === undefined) throw new DeriveError(`packageModules failed: ${file} imports a module the sources do not have; fix the import`);
      if (carried.has(found.target)) continue;
      if (found.names !== undefined && found.names.every((name) => exported.has(name))) toPackage.push(found);
      else {
        carried.add(found.target);
        pending.push(found.target);
      }
    }
    rewrites.set(file, toPackage);
  }
  // A module queued after another already rewrote its import of it: that import must stay relative.
  return new Map(
    [...carried].map((file) => {
      let text = tree.get(file) ?? '';
      const spans = (rewrites.get(file) ?? []).filter((span) => span.target !== undefined && !carried.has(span.target));
      for (const span of [...spans].sort((a, b) => b.start - a.start)) text = `${text.slice(0, span.start)}${options.packageName}${text.slice(span.end)}`;
      return [file, text];
    }),
  );
}
