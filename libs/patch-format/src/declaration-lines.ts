import type { DeclaredClassChange, DeclaredFieldChanges, DeclaredStep } from './bundle';

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

/**
 * A declared patch step in words, a line per class change, then the
 * module-level state and the validated classes: what `tickswap patch
 * inspect` prints and what the dashboard shows beside an update.
 *
 * @example
 * declarationLines(bundle.changes); // ['Pid: replace (fields kp, ...; add integralLimit; rename integral -> integralSum)', 'validated: Pid']
 */
export function declarationLines(step: Omit<DeclaredStep, 'from' | 'to'>): string[] {
  const classes = Object.entries(step.classes).map(([name, change]) => classLine(name, change));
  return [
    ...(classes.length > 0 ? classes : ['(no class changes)']),
    ...(step.globals ? [`globals: ${fieldChanges(step.globals).join('; ')}`] : []),
    ...(step.validations ? [`validated: ${step.validations.join(', ')}`] : []),
  ];
}
