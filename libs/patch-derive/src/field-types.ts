import ts from 'typescript';

/** A type the source does not tell (no annotation, an initialiser that is not a literal). */
export const UNKNOWN_TYPE = 'unknown';

/**
 * A type's text as compared between versions: no `readonly`, no layout.
 *
 * @example
 * normaliseType('readonly  number[]'); // 'number[]'
 */
export function normaliseType(text: string): string {
  return text.replace(/\breadonly\s+/g, '').replace(/\s+/g, '');
}

/**
 * The type a field has when it has no annotation, from its initialiser's
 * shape: literals, arrays of them, `new X(...)`; anything else is unknown.
 *
 * @example
 * literalType(expressionOf('0'));                 // 'number'
 * literalType(expressionOf('new Float64Array(2)')); // 'Float64Array'
 */
export function literalType(expression: ts.Expression | undefined): string {
  if (expression === undefined) return UNKNOWN_TYPE;
  if (ts.isParenthesizedExpression(expression)) return literalType(expression.expression);
  if (ts.isNumericLiteral(expression) || (ts.isPrefixUnaryExpression(expression) && ts.isNumericLiteral(expression.operand))) return 'number';
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return 'string';
  if (expression.kind === ts.SyntaxKind.TrueKeyword || expression.kind === ts.SyntaxKind.FalseKeyword) return 'boolean';
  if (ts.isPropertyAccessExpression(expression) && expression.expression.getText() === 'Number') return 'number';
  if (ts.isNewExpression(expression)) return expression.expression.getText();
  if (ts.isArrayLiteralExpression(expression) && expression.elements.length > 0) {
    const types = new Set(expression.elements.map((element) => literalType(element)));
    const [only] = types;
    return types.size === 1 && only !== UNKNOWN_TYPE ? `${only}[]` : UNKNOWN_TYPE;
  }
  return UNKNOWN_TYPE;
}

const members = (type: string): string[] => type.split('|').filter((member) => member !== '');

/**
 * Whether a field's value of type `from` is still a good value of type `to`
 * (equal types, or `to` is a union that includes every member of `from`).
 * An unknown type is taken as compatible: the source does not say otherwise.
 *
 * @example
 * compatibleTypes('number', 'number|undefined'); // true
 * compatibleTypes('number', 'number[]');         // false
 */
export function compatibleTypes(from: string, to: string): boolean {
  if (from === to || from === UNKNOWN_TYPE || to === UNKNOWN_TYPE) return true;
  const wider = new Set(members(to));
  return members(from).every((member) => wider.has(member));
}
