import { PATCH_FORMAT, type PatchBundle, type PatchDeclaration } from './bundle';
import { bundleDigest, sha256Hex } from './bundle-digest';
import { checkBundleShape } from './bundle-shape';
import { canonicalJson } from './canonical-json';

/**
 * An unsigned bundle of a declaration (with the classes it means, if it
 * says) and its (already bundled) code, with
 * its id and digest. The id is the produced version and the first 12 hex
 * digits of the content's hash, so the same patch built twice is the same
 * bundle. Throws `BundleShapeError` if the result would not be a valid
 * bundle (a version or name the format does not allow).
 *
 * @example
 * const bundle = assembleBundle(describePatch(patch), code); // bundle.id: '1-3f2a0c1d2e3f'
 */
export function assembleBundle(declaration: PatchDeclaration, code: string): PatchBundle {
  const { from, to, changes, classes } = declaration;
  // Absent, not undefined: a bundle without the declaration keeps the id and digest it always had.
  const declared = { from, to, changes, ...(classes === undefined ? {} : { classes }) };
  const id = `${to}-${sha256Hex(canonicalJson({ ...declared, code })).slice(0, 12)}`;
  const content = { format: PATCH_FORMAT as typeof PATCH_FORMAT, id, ...declared, code };
  return checkBundleShape({ ...content, digest: bundleDigest(content) }, 'assembleBundle');
}
