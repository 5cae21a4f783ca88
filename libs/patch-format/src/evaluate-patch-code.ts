/** The modules a patch's code may require, by the name it requires them by. */
export type ModuleMap = Readonly<Record<string, unknown>>;

/**
 * Why a patch's code gave no patch: it threw, required an unknown module, or
 * exported nothing. Callers turn it into their own refusal.
 *
 * @example
 * new CodeProblem('the code threw while loading (Error: boom)', { cause });
 */
export class CodeProblem extends Error {
  override readonly name = 'CodeProblem';
}

/** What a patch's code exports: the patch (its default export) and, unchecked, the classes it says it means (`export const classes`). */
export interface PatchExports {
  readonly patch: unknown;
  readonly classes: unknown;
}

/**
 * Runs a bundle's CommonJS code and returns its default export and its
 * `classes` export. The code runs in this realm (`new Function`, not a
 * `vm` context), so its classes
 * extend the very classes of `modules` and its objects have this realm's
 * prototypes, as the migration library requires. `require` resolves only
 * the names in `modules`: a patch shares the host's packages, never loads
 * its own copy. This is no sandbox: only verified code may come here.
 * Throws a {@link CodeProblem}.
 *
 * @example
 * const { patch, classes } = evaluatePatchCode(bundle.code, { '@tickswap/behaviours': behaviours }, 'tickswap-patch/1-3f2a.js');
 */
export function evaluatePatchCode(code: string, modules: ModuleMap, filename: string): PatchExports {
  let missing: string | undefined;
  const require = (id: string): unknown => {
    if (Object.hasOwn(modules, id)) return modules[id];
    missing = id;
    throw new Error(`Cannot find module '${id}' among the modules given to the patch`);
  };
  const module: { exports: unknown } = { exports: {} };
  try {
    const run = new Function('exports', 'require', 'module', '__filename', `${code}\n//# sourceURL=${filename}`);
    run.call(undefined, module.exports, require, module, filename);
  } catch (error) {
    if (missing !== undefined) {
      const given = Object.keys(modules).join(', ') || 'none';
      throw new CodeProblem(`the code requires '${missing}', which is not among the modules given (${given})`, { cause: error });
    }
    throw new CodeProblem(`the code threw while loading (${String(error)})`, { cause: error });
  }
  const exported = module.exports as { default?: unknown; classes?: unknown } | null | undefined;
  if (typeof exported !== 'object' || exported === null || exported.default === undefined) {
    throw new CodeProblem('the code has no default export (patch.ts must `export default` the patch)');
  }
  return { patch: exported.default, classes: exported.classes };
}
