import type { DerivedChanges, DerivedClassChange } from './derived-changes';
import { STUB_MARKER } from '@tickswap/patch-format';

/** What the manifest says beyond the changes: versions and where they were derived from. */
export interface ManifestOptions {
  readonly from: string;
  readonly to: string;
  /** Where the two versions came from, for the header (`HEAD -> libs/behaviours/src`). */
  readonly origin: string;
  /** The module (in the package, without `.ts`) that exports each added or replaced class, by class name. */
  readonly moduleOf: (className: string) => string;
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const stub = (indent: string, message: string, signature: string): string[] => [
  `${indent}// ${STUB_MARKER}: ${message}`,
  `${indent}${signature} => {`,
  `${indent}  throw new Error(${quote(`${STUB_MARKER}: ${message}; fill in this stub of the patch, then build it again`)});`,
  `${indent}},`,
];

function fieldLines(change: DerivedClassChange, indent: string): string[] {
  const lines: string[] = [];
  if (change.renamed.length > 0) {
    lines.push(`${indent}rename: {`);
    for (const rename of change.renamed) {
      const others = (change.candidates.get(rename.from) ?? []).filter((c) => c.to !== rename.to).map((c) => `${c.to} ${c.score}`);
      const note = rename.score === undefined ? 'given' : `guessed from usages, score ${rename.score}; other candidates: ${others.join(', ') || 'none'}`;
      lines.push(`${indent}  ${rename.from}: ${quote(rename.to)}, // ${note}`);
    }
    lines.push(`${indent}},`);
  }
  if (change.added.length > 0) {
    lines.push(`${indent}add: {`);
    for (const field of change.added) {
      const { init } = field;
      if (init.kind === 'value') lines.push(`${indent}  ${field.name}: { value: ${init.text} },`);
      else if (init.kind === 'init') lines.push(`${indent}  ${field.name}: { init: (${init.text.includes('old.') ? 'old: any' : ''}) => (${init.text}) },`);
      else lines.push(`${indent}  ${field.name}: {`, ...stub(`${indent}    `, `${change.name}.${field.name} is new and ${init.why}: write its value for migrated instances`, 'init: (_old)').map((l) => l.replace(/},$/, '}')), `${indent}  },`);
    }
    lines.push(`${indent}},`);
  }
  if (change.removed.length > 0) lines.push(`${indent}remove: [${change.removed.map(quote).join(', ')}],`);
  if (change.retyped.length > 0) {
    lines.push(`${indent}transform: {`);
    for (const r of change.retyped) lines.push(...stub(`${indent}  `, `${change.name}.${r.field} changed type from ${r.from} to ${r.to}: write how an old value becomes a new one`, `${r.field}: (_value)`));
    lines.push(`${indent}},`);
  }
  return lines;
}

function classLines(change: DerivedClassChange): string[] {
  const head = `    ${change.name}: {`;
  const why = `// ${change.reasons.join('; ')}`;
  if (change.kind === 'remove') return [`    ${change.name}: { kind: 'remove' }, ${why}`];
  if (change.kind === 'add') return [`    ${change.name}: { kind: 'add', code: ${change.name} }, ${why}`];
  const superclass = change.superclass === undefined ? [] : [`      superclass: ${change.superclass.to === null ? 'null' : quote(change.superclass.to)},`];
  return [`${head} ${why}`, `      kind: 'replace',`, `      code: ${change.name},`, ...superclass, ...fieldLines(change, '      '), '    },'];
}

/**
 * The `patch.ts` of a derived patch package: imports of the new classes,
 * the declaration that its `@tickswap/behaviours` import means the classes
 * the robot runs (`export const classes = 'running'`), then the patch step,
 * with each guess commented (its score and the other candidates) and each
 * stub marked `TODO(tickswap)` and throwing until it is filled in.
 *
 * @example
 * writeFileSync('patches/mine/patch.ts', manifestCode(changes, { from: '0', to: '1', origin: 'HEAD -> src', moduleOf: (name) => `./src/${files[name]}` }));
 */
export function manifestCode(changes: DerivedChanges, options: ManifestOptions): string {
  const coded = changes.classes.filter((change) => change.kind !== 'remove');
  const imports = coded.map((change) => `import { ${change.name} } from ${quote(options.moduleOf(change.name))};`);
  const moved = changes.moved.map((m) => `// ${m.name} moved from ${m.from} to ${m.to}: the same class, nothing to patch.`);
  return [
    `// Patch ${options.from} -> ${options.to}, derived by \`tickswap patch new\` (${options.origin}).`,
    '// Renames are guesses from how the fields are used: check each one, and fill in every stub marked below.',
    ...moved,
    "import type { PatchStep } from '@tickswap/dsu';",
    ...imports,
    '',
    '// What this package imports from @tickswap/behaviours (the classes it does not change) are the classes',
    '// of the version it applies to, as the robot runs them after earlier patches: the bundle says so, signed.',
    "export const classes = 'running';",
    '',
    'export const patch: PatchStep = {',
    `  from: ${quote(options.from)},`,
    `  to: ${quote(options.to)},`,
    '  classes: {',
    ...changes.classes.flatMap(classLines),
    '  },',
    '};',
    '',
    'export default patch;',
    '',
  ].join('\n');
}
