/**
 * Loads a package the way this process loads its own (same module registry,
 * same TypeScript hooks under tsx or Jest), so the patch a build evaluates
 * extends the very classes this process runs.
 *
 * @example
 * const behaviours = hostRequire('@tickswap/behaviours');
 */
export function hostRequire(id: string): unknown {
  return require(id);
}
