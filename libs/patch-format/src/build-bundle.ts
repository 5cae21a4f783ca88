import { build, type BuildFailure, type Metafile } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assembleBundle } from './assemble-bundle';
import type { PatchBundle } from './bundle';
import type { PatchStep } from '@tickswap/dsu';
import { describePatch } from './describe-patch';
import { BundleBuildError, BundleShapeError } from './errors';
import { CodeProblem, evaluatePatchCode } from './evaluate-patch-code';
import { hostRequire } from './host-require';
import { patchEntry } from './patch-entry';
import { ShapeProblem } from './schema';
import { STUB_MARKER, unfilledStubs } from './stub-marker';

/** The packages a patch shares with the controller instead of bundling a copy. */
export const RUNTIME_PACKAGES = ['@tickswap/*', 'rxjs'] as const;

const isRuntimePackage = (id: string) => id.startsWith('@tickswap/') || id === 'rxjs' || id.startsWith('rxjs/');

async function bundleCode(dir: string, entry: string): Promise<{ code: string; metafile: Metafile }> {
  try {
    const result = await build({
      entryPoints: [entry],
      // Paths in the output are relative to the package, so a build does not depend on where it ran.
      absWorkingDir: dir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: [...RUNTIME_PACKAGES],
      write: false,
      metafile: true,
      logLevel: 'silent',
      charset: 'utf8',
    });
    return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile };
  } catch (error) {
    const errors = (error as Partial<BuildFailure>).errors ?? [];
    const where = errors.map((e) => (e.location === null ? e.text : `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}`));
    throw new BundleBuildError(`buildBundle failed: esbuild could not bundle ${entry}:\n  ${where.join('\n  ') || String(error)}`, { cause: error });
  }
}

/** The runtime packages the code requires; refuses anything the controller would not provide or a copy of its code. */
function runtimeImports(metafile: Metafile, dir: string): string[] {
  const imports = new Set<string>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (file.startsWith('..') && !file.includes('node_modules/')) {
      throw new BundleBuildError(
        `buildBundle failed: the patch in ${dir} bundles ${file}, from outside the package: a copy of the runtime's code would not be the code the controller runs; import it by its package name (@tickswap/...)`,
      );
    }
    for (const { path, external } of input.imports) {
      if (external !== true) continue;
      if (!isRuntimePackage(path)) {
        throw new BundleBuildError(`buildBundle failed: ${file} imports '${path}'; a patch may import only the runtime's packages (${RUNTIME_PACKAGES.join(', ')}) and code it bundles`);
      }
      imports.add(path);
    }
  }
  return [...imports].sort();
}

/** Refuses a package whose own sources still hold a stub to fill in (a migration that would only throw). */
function refuseStubs(metafile: Metafile, base: string, dir: string): void {
  const own = Object.keys(metafile.inputs).filter((file) => !file.includes('node_modules/'));
  const stubs = own.flatMap((file) => unfilledStubs(readFileSync(join(base, file), 'utf8')).map((stub) => `${file}:${stub.line}: ${stub.text}`));
  if (stubs.length > 0) {
    throw new BundleBuildError(`buildBundle failed: the patch in ${dir} has ${stubs.length} stub(s) to fill in (${STUB_MARKER}):\n  ${stubs.join('\n  ')}\nwrite each migration and remove its marker, then build again`);
  }
}

function runtimeModule(id: string, dir: string): unknown {
  try {
    return hostRequire(id);
  } catch (error) {
    throw new BundleBuildError(`buildBundle failed: the patch in ${dir} imports '${id}', which this process cannot load (${String(error)}); build from the workspace of the runtime the patch is for`, {
      cause: error,
    });
  }
}

/**
 * Builds a patch package into an unsigned bundle. The package is a folder
 * whose `patch.ts` default-exports a dsu `PatchStep` (versions, class
 * changes with their new code, migrations, validations). esbuild bundles it
 * as CommonJS for Node 20, leaving the runtime's packages (`@tickswap/*`,
 * `rxjs`) as imports, so that on the robot the patch's classes extend the
 * very classes the controller runs. The bundled code is then evaluated here
 * (with this process's own runtime packages) to read the patch it exports,
 * and its declared changes go into the bundle, with the classes its
 * `@tickswap/behaviours` import means when `patch.ts` says so
 * (`export const classes = 'running'`). A package that still has a
 * stub to fill in (a `// TODO(tickswap)` comment, as `tickswap patch new`
 * marks them) is refused. Throws `BundleBuildError`.
 *
 * @example
 * const bundle = await buildBundle('patches/pid-integral-limit');
 * await writeFile('pid.bundle.json', JSON.stringify(bundle, null, 2));
 */
export async function buildBundle(dir: string): Promise<PatchBundle> {
  const entry = patchEntry(dir, 'buildBundle');
  const { code, metafile } = await bundleCode(dirname(entry), entry);
  refuseStubs(metafile, dirname(entry), dir);
  const modules = Object.fromEntries(runtimeImports(metafile, dir).map((id) => [id, runtimeModule(id, dir)]));
  try {
    const { patch, classes } = evaluatePatchCode(code, modules, `tickswap-patch/${dir}/patch.js`);
    return assembleBundle(describePatch(patch as PatchStep, classes), code);
  } catch (error) {
    if (!(error instanceof CodeProblem || error instanceof ShapeProblem || error instanceof BundleShapeError)) throw error;
    throw new BundleBuildError(`buildBundle failed: ${dir}/patch.ts: ${error.message}`, { cause: error });
  }
}
