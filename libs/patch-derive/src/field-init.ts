import ts from 'typescript';

/**
 * How an added field gets its value in migrated instances: a primitive
 * constant (`{ value }`), an expression evaluated per instance (`init`,
 * where `this.<field>` reads the instance's old field), or a stub the user
 * must fill in (the initialiser needs what a migration does not have:
 * constructor arguments, methods, module-level names).
 */
export type FieldInitPlan =
  | { readonly kind: 'value'; readonly text: string }
  | { readonly kind: 'init'; readonly text: string }
  | { readonly kind: 'stub'; readonly why: string };

/** Names an initialiser may use in a migration: the language's own globals. */
const GLOBALS = new Set([
  'Math', 'Number', 'String', 'Boolean', 'Array', 'Object', 'Map', 'Set', 'Infinity', 'NaN', 'undefined',
  'Float64Array', 'Float32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint16Array', 'Uint32Array',
]);

function isPrimitiveLiteral(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isPrimitiveLiteral(node.expression);
  if (ts.isNumericLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) return true;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Number') return true;
  if (ts.isIdentifier(node)) return node.text === 'Infinity' || node.text === 'NaN' || node.text === 'undefined';
  return [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind);
}

/** The first name the expression uses that a migration cannot evaluate, or undefined when it uses none. */
function foreignName(node: ts.Node, oldFields: ReadonlySet<string>): string | undefined {
  // Types (`as MotorCommands`) are gone once compiled: they name nothing the migration must have.
  if (ts.isTypeNode(node)) return undefined;
  if (ts.isPropertyAccessExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return oldFields.has(node.name.text) ? undefined : `this.${node.name.text}`;
    return foreignName(node.expression, oldFields);
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isIdentifier(node)) return GLOBALS.has(node.text) ? undefined : node.text;
  // Keys of object literals are not names the expression reads.
  if (ts.isPropertyAssignment(node)) return foreignName(node.initializer, oldFields);
  let found: string | undefined;
  ts.forEachChild(node, (child) => {
    found ??= foreignName(child, oldFields);
  });
  return found;
}

/**
 * Plans an added field's value from its initialiser text. `oldNames` maps
 * each field of the old instance to the name it has in the new version
 * (so `this.<new name>` in the initialiser reads `old.<old name>`). A
 * constructor's `options.x ?? 0` gives its fallback (what a constructor
 * without that option gives).
 *
 * @example
 * planFieldInit('0', new Map());                 // { kind: 'value', text: '0' }
 * planFieldInit('new Float64Array(2)', new Map()); // { kind: 'init', text: 'new Float64Array(2)' }
 * planFieldInit('options.kp', new Map());        // { kind: 'stub', why: "its initialiser uses 'options'" }
 */
export function planFieldInit(initialiser: string | undefined, oldNames: ReadonlyMap<string, string>, type = 'unknown'): FieldInitPlan {
  if (initialiser === undefined) {
    return type.split('|').includes('undefined') ? { kind: 'value', text: 'undefined' } : { kind: 'stub', why: 'it has no initialiser' };
  }
  const source = ts.createSourceFile('init.ts', `(${initialiser});`, ts.ScriptTarget.ES2022, true);
  let expression = (source.statements[0] as ts.ExpressionStatement).expression;
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && foreignName(expression.right, new Set()) === undefined) {
    return planFieldInit(expression.right.getText(), oldNames, type);
  }
  if (isPrimitiveLiteral(expression)) return { kind: 'value', text: expression.getText() };
  const byNewName = new Map([...oldNames].map(([old, fresh]) => [fresh, old]));
  const foreign = foreignName(expression, new Set(byNewName.keys()));
  if (foreign !== undefined) return { kind: 'stub', why: `its initialiser (${initialiser}) uses '${foreign}', which a migration does not have` };
  const text = expression.getText().replace(/\bthis\.([A-Za-z_$][\w$]*)/g, (_match, name: string) => `old.${byNewName.get(name) ?? name}`);
  return { kind: 'init', text };
}
