import type { BehaviourClasses, DeclaredClassChange, DeclaredFieldChanges, DeclaredStep, PatchBundle } from '@tickswap/patch-format';

function fieldChanges(changes: DeclaredFieldChanges): string[] {
  const renames = Object.entries(changes.rename ?? {}).map(([from, to]) => `${from} -> ${to}`);
  return [
    ...(changes.add ? [`add ${changes.add.join(', ')}`] : []),
    ...(changes.remove ? [`remove ${changes.remove.join(', ')}`] : []),
    ...(renames.length > 0 ? [`rename ${renames.join(', ')}`] : []),
    ...(changes.transform ? [`transform ${changes.transform.join(', ')}`] : []),
    ...(changes.allowNaN ? [`may become NaN: ${changes.allowNaN.join(', ')}`] : []),
  ];
}

function classLine(name: string, change: DeclaredClassChange): string {
  const parts = [
    ...(change.fields ? [`fields ${change.fields.join(', ') || '(none)'}`] : []),
    ...fieldChanges(change),
    ...(change.superclass !== undefined ? [`superclass ${change.superclass ?? '(none)'}`] : []),
    ...(change.statics ? [`statics: ${fieldChanges(change.statics).join('; ')}`] : []),
    ...(change.into ? [`instances become ${change.into}`] : []),
    ...(change.migrate ? ['with a migration function'] : []),
  ];
  return `${name}: ${change.kind}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
}

function stepLines(step: Omit<DeclaredStep, 'from' | 'to'>, indent: string): string[] {
  const classes = Object.entries(step.classes).map(([name, change]) => `${indent}${classLine(name, change)}`);
  return [
    ...(classes.length > 0 ? classes : [`${indent}(no class changes)`]),
    ...(step.globals ? [`${indent}globals: ${fieldChanges(step.globals).join('; ')}`] : []),
    ...(step.validations ? [`${indent}validated: ${step.validations.join(', ')}`] : []),
  ];
}

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
    ...stepLines(bundle.changes, '    '),
    `  inverse    ${inverse ? `${inverse.from} -> ${inverse.to}` : 'none (rollback restores the state as it was at commit)'}`,
    ...(inverse ? stepLines(inverse, '    ') : []),
  ];
}
