import ts from 'typescript';
import { posix } from 'node:path';

/** One relative import (or re-export) of a module: where its specifier is, the module it names, the names it takes. */
export interface RelativeImport {
  /** Start and end of the specifier's text, quotes excluded. */
  readonly start: number;
  readonly end: number;
  /** The module it resolves to in the tree, or undefined when the tree has none. */
  readonly target: string | undefined;
  /** The names it imports, or undefined when it takes the whole module (namespace, default, side effect). */
  readonly names: readonly string[] | undefined;
}

/** `./pid` from `a/b.ts` -> `a/pid.ts` (or `a/pid/index.ts`), when the tree has it. */
function resolveIn(tree: ReadonlyMap<string, string>, from: string, specifier: string): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '');
  return [base, `${base}.ts`, `${base}/index.ts`].find((path) => tree.has(path));
}

function importedNames(clause: ts.ImportClause | undefined): string[] | undefined {
  if (clause === undefined || clause.name !== undefined) return undefined;
  const bindings = clause.namedBindings;
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return undefined;
  return bindings.elements.map((element) => (element.propertyName ?? element.name).text);
}

/**
 * The relative imports and re-exports of a module.
 *
 * @example
 * relativeImports(tree, 'pid.ts'); // [{ start: 28, end: 39, target: 'behaviour.ts', names: ['Behaviour'] }, ...]
 */
export function relativeImports(tree: ReadonlyMap<string, string>, file: string): RelativeImport[] {
  const source = ts.createSourceFile(file, tree.get(file) ?? '', ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: RelativeImport[] = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement);
    if (!isImport && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    let names: string[] | undefined;
    if (isImport) names = importedNames(statement.importClause);
    else if (statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) names = statement.exportClause.elements.map((e) => (e.propertyName ?? e.name).text);
    found.push({ start: specifier.getStart() + 1, end: specifier.getEnd() - 1, target: resolveIn(tree, file, specifier.text), names });
  }
  return found;
}

/**
 * The names a package's entry module exports (`export { a } from`, `export class A`, `export const a`).
 *
 * @example
 * exportedNames(tree, 'index.ts'); // Set { 'Behaviour', 'Pid', 'wrapAngle', ... }
 */
export function exportedNames(tree: ReadonlyMap<string, string>, file: string): Set<string> {
  const source = ts.createSourceFile(file, tree.get(file) ?? '', ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
    const exported = ts.getModifiers(statement as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    if (!exported) continue;
    if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name !== undefined) names.add(statement.name.text);
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
  }
  return names;
}
