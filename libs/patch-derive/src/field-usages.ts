import ts from 'typescript';

/** The name of a class member, for usage sets (`constructor` for constructors, `<field>` for field initialisers). */
function memberName(member: ts.ClassElement): string {
  if (ts.isConstructorDeclaration(member)) return 'constructor';
  return member.name === undefined ? '?' : member.name.getText();
}

/** The statement (or the member, for an expression-bodied one) a reference belongs to. */
function enclosingStatement(node: ts.Node, member: ts.ClassElement): ts.Node {
  let current: ts.Node = node;
  while (current.parent !== member && !ts.isStatement(current)) current = current.parent;
  return current;
}

/**
 * Where each field of `names` is used in a class: for every `this.<field>`,
 * the member it is in (`m:update`) and the statement it is in, with that
 * field's references blanked to `this.$` and its layout normalised (`s:this.$ = 0;`).
 * Two versions of a field that was renamed have (nearly) the same usages.
 *
 * @example
 * fieldUsages(pidClass, new Set(['integral'])).get('integral'); // Set { 'm:update', 's:if (!windingUp) this.$ = integral;', ... }
 */
export function fieldUsages(node: ts.ClassLikeDeclaration, names: ReadonlySet<string>): Map<string, Set<string>> {
  const usages = new Map<string, Set<string>>([...names].map((name) => [name, new Set<string>()]));
  for (const member of node.members) {
    const visit = (child: ts.Node): void => {
      if (ts.isPropertyAccessExpression(child) && child.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const set = usages.get(child.name.text);
        if (set !== undefined) {
          // Every reference to the field in the statement is blanked, so `this.a = this.a + 1` reads the same under any name.
          const blanked = enclosingStatement(child, member).getText().replace(new RegExp(`\\bthis\\.${child.name.text}\\b`, 'g'), 'this.$');
          set.add(`m:${memberName(member)}`);
          set.add(`s:${blanked.replace(/\s+/g, ' ')}`);
        }
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(member, visit);
  }
  return usages;
}
