import { declarationLines, type BehaviourClasses, type PatchBundle } from '@tickswap/patch-format';

const indented = (lines: readonly string[]): string[] => lines.map((line) => `    ${line}`);

/** What the bundle's `@tickswap/behaviours` import means, in words. */
const CLASSES: Readonly<Record<BehaviourClasses, string>> = {
  shipped: 'shipped (@tickswap/behaviours as the package ships)',
  running: 'running (@tickswap/behaviours as the version it applies to runs it, after earlier patches)',
};

/**
 * What a person checks before sending a bundle: versions, digest (and
 * whether it matches the content), signer, size, the classes its code's
 * `@tickswap/behaviours` means, and every declared change.
 *
 * @example
 * console.log(bundleSummary(bundle, bundleDigest(bundle) === bundle.digest).join('\n'));
 */
export function bundleSummary(bundle: PatchBundle, digestMatches: boolean): string[] {
  const { inverse } = bundle.changes;
  return [
    `patch ${bundle.id} (${bundle.format})`,
    `  version    ${bundle.from} -> ${bundle.to}`,
    `  digest     ${bundle.digest} (${digestMatches ? 'matches the content' : 'DOES NOT MATCH the content: changed after the build'})`,
    `  signed by  ${bundle.signature ? `key ${bundle.signature.keyId}` : 'nobody (unsigned)'}`,
    `  code       ${(Buffer.byteLength(bundle.code) / 1024).toFixed(1)} KiB`,
    `  classes    ${CLASSES[bundle.classes ?? 'shipped']}`,
    '  changes',
    ...indented(declarationLines(bundle.changes)),
    `  inverse    ${inverse ? `${inverse.from} -> ${inverse.to}` : 'none (rollback restores the state as it was at commit)'}`,
    ...(inverse ? indented(declarationLines(inverse)) : []),
  ];
}
