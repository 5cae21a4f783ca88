import ts from 'typescript';
import type { ClassMap, ClassModel, FieldModel } from './class-model';
import { DeriveError } from './errors';
import { fieldUsages } from './field-usages';
import { literalType, normaliseType, UNKNOWN_TYPE } from './field-types';
import type { SourceTree } from './source-tree';

/** What {@link readClasses} takes beside the sources. */
export interface ReadClassesOptions {
  /** The root behaviour class: it and every class extending it are behaviour classes (default `Behaviour`). */
  readonly root?: string;
}

interface Declared {
  readonly node: ts.ClassDeclaration;
  readonly name: string;
  readonly file: string;
  readonly superclass: string | null;
}

const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true);

/**
 * A node's code as its tokens, without comments or layout: two versions
 * that differ only there read the same (scanning is far cheaper than
 * printing the tree again).
 */
function tokens(node: ts.Node, source: ts.SourceFile): string {
  scanner.setText(source.text, node.getStart(source), node.getEnd() - node.getStart(source));
  const parts: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) parts.push(scanner.getTokenText());
  return parts.join(' ');
}

/** The class a heritage clause names (`Behaviour<number, number>` -> `Behaviour`, `ns.Pid` -> `Pid`). */
function superclassOf(node: ts.ClassDeclaration): string | null {
  const clause = node.heritageClauses?.find((heritage) => heritage.token === ts.SyntaxKind.ExtendsKeyword);
  const expression = clause?.types[0]?.expression;
  if (expression === undefined) return null;
  return ts.isPropertyAccessExpression(expression) ? expression.name.text : expression.getText();
}

const isStatic = (member: ts.ClassElement): boolean => ts.getModifiers(member as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;

/** The names a class lists in its own `static fields = [...]`, or undefined when it lists none. */
function staticFields(node: ts.ClassDeclaration): string[] | undefined {
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || !isStatic(member) || member.name.getText() !== 'fields' || member.initializer === undefined) continue;
    let list: ts.Expression = member.initializer;
    while (ts.isAsExpression(list) || ts.isParenthesizedExpression(list)) list = list.expression;
    if (!ts.isArrayLiteralExpression(list)) return undefined;
    return list.elements.filter(ts.isStringLiteralLike).map((element) => element.text);
  }
  return undefined;
}

/** The fields a class declares: property declarations, then the constructor's `this.x = ...` assignments. */
function declaredFields(node: ts.ClassDeclaration): Map<string, { type: string; initialiser: ts.Expression | undefined }> {
  const fields = new Map<string, { type: string; initialiser: ts.Expression | undefined }>();
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || isStatic(member) || !ts.isIdentifier(member.name)) continue;
    const type = member.type === undefined ? literalType(member.initializer) : normaliseType(member.type.getText());
    fields.set(member.name.text, { type, initialiser: member.initializer });
  }
  const constructor = node.members.find(ts.isConstructorDeclaration);
  for (const statement of constructor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, operatorToken, right } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    const known = fields.get(left.name.text);
    if (known?.initialiser !== undefined) continue;
    fields.set(left.name.text, { type: known?.type ?? literalType(right), initialiser: right });
  }
  return fields;
}

function model(declared: Declared, source: ts.SourceFile, module: string): ClassModel {
  const declaredList = staticFields(declared.node);
  const found = declaredFields(declared.node);
  const names = [...new Set([...(declaredList ?? []), ...found.keys()])];
  const usages = fieldUsages(declared.node, new Set(names));
  const fields: FieldModel[] = names.map((name) => {
    const field = found.get(name);
    return { name, type: field?.type ?? UNKNOWN_TYPE, initialiser: field?.initialiser?.getText(), usages: usages.get(name) ?? new Set() };
  });
  return { name: declared.name, file: declared.file, superclass: declared.superclass, fields, code: tokens(declared.node, source), module };
}

/**
 * The behaviour classes of one version of the sources: every class with its
 * own `static fields`, the root class, and every class extending one of them
 * (through any file: a class is known by its name, wherever it is declared).
 * Throws DeriveError when a file does not parse or two classes share a name.
 *
 * @example
 * readClasses(readSourceDir('libs/behaviours/src')).get('Pid')?.fields.map((f) => f.name); // ['kp', 'ki', ...]
 */
export function readClasses(tree: SourceTree, options: ReadClassesOptions = {}): ClassMap {
  const root = options.root ?? 'Behaviour';
  const all = new Map<string, Declared>();
  const sources = new Map<string, ts.SourceFile>();
  for (const [file, text] of tree) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const broken = (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
    if (broken !== undefined) {
      const { line, character } = source.getLineAndCharacterOfPosition(broken.start ?? 0);
      throw new DeriveError(`readClasses failed: ${file}:${line + 1}:${character + 1} does not parse (${ts.flattenDiagnosticMessageText(broken.messageText, ' ')}); fix the syntax and save again`);
    }
    sources.set(file, source);
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node) || node.name === undefined) continue;
      const name = node.name.text;
      const twice = all.get(name);
      if (twice !== undefined) throw new DeriveError(`readClasses failed: class ${name} is declared in ${twice.file} and in ${file}; a namespace knows one class by a name: rename one`);
      all.set(name, { node, name, file, superclass: superclassOf(node) });
    }
  }
  const isBehaviour = (declared: Declared, seen: Set<string>): boolean => {
    if (declared.name === root || staticFields(declared.node) !== undefined) return true;
    const parent = declared.superclass === null ? undefined : all.get(declared.superclass);
    if (parent === undefined || seen.has(parent.name)) return false;
    return isBehaviour(parent, seen.add(parent.name));
  };
  const behaviours = [...all.values()].filter((declared) => isBehaviour(declared, new Set([declared.name])));
  const nodes = new Set<ts.Node>(behaviours.map((declared) => declared.node));
  const modules = new Map([...sources].map(([file, source]) => [file, source.statements.filter((s) => !nodes.has(s)).map((s) => tokens(s, source)).join('\n')]));
  return new Map(behaviours.map((declared) => [declared.name, model(declared, sources.get(declared.file) as ts.SourceFile, modules.get(declared.file) ?? '')]));
}
