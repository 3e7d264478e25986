import { Node, VariableDeclarationKind, type Block, type ExpressionStatement, type VariableStatement } from 'ts-morph';
import type { Binding } from './Binding.js';
import { boundNames } from './boundNames.js';
import { constructs } from './constructs.js';
import { outsideStatementConstructs } from './pureTables.js';
import { report, withBindings, type PureWalk } from './PureWalk.js';
import { roleOf } from './roleOf.js';

/**
 * A block body is provable only as `const x = <pure>; ...; return <pure>;`: a chain of
 * let-bindings the translator can substitute. Anything with control flow or mutation
 * is reported whole, without descending into it.
 */
export function checkPureBlock(block: Block, walk: PureWalk): void {
  const issuesBefore = walk.issues.length;
  let current = walk;
  let returned = false;
  for (const statement of block.getStatements()) {
    if (returned) {
      report(current, statement, constructs.statementAfterReturn);
    } else if (Node.isVariableStatement(statement)) {
      current = checkConstStatement(statement, current);
    } else if (Node.isReturnStatement(statement)) {
      const expression = statement.getExpression();
      if (expression) current.visit(expression, current);
      else report(current, statement, constructs.returnWithoutValue);
      returned = true;
    } else if (Node.isExpressionStatement(statement)) {
      checkExpressionStatement(statement, current);
    } else if (!Node.isEmptyStatement(statement)) {
      report(current, statement, outsideStatementConstructs[statement.getKind()] ?? statement.getKindName());
    }
  }
  // A missing return is only news when nothing else in the block explains it.
  if (!returned && walk.issues.length === issuesBefore) report(walk, block, constructs.missingReturn);
}

function checkConstStatement(statement: VariableStatement, walk: PureWalk): PureWalk {
  const kind = statement.getDeclarationKind();
  if (kind !== VariableDeclarationKind.Const) {
    const construct =
      kind === VariableDeclarationKind.Var ? constructs.varDeclaration
      : kind === VariableDeclarationKind.Let ? constructs.letDeclaration
      : `${kind} declaration`;
    report(walk, statement, construct);
    // Bind the names anyway, so their later uses are not reported a second time as unknown.
    const names = statement.getDeclarations().flatMap((d) => boundNames(d.getNameNode()));
    return withBindings(walk, names.map((name) => [name, { role: 'value' }] as const));
  }
  let current = walk;
  for (const declaration of statement.getDeclarations()) {
    const nameNode = declaration.getNameNode();
    const initializer = declaration.getInitializer();
    if (!Node.isIdentifier(nameNode) || !initializer) {
      report(current, declaration, constructs.destructuringDeclaration);
      current = withBindings(current, boundNames(nameNode).map((name) => [name, { role: 'value' }] as const));
      continue;
    }
    current = withBindings(current, [[nameNode.getText(), bindingFor(initializer, current)]]);
  }
  return current;
}

/** `const before = old(token)` aliases the handle; anything else is a value and must be pure. */
function bindingFor(initializer: Node, walk: PureWalk): Binding {
  const role = roleOf(initializer, walk);
  if (role && role.role !== 'free' && role.role !== 'value') return role;
  walk.visit(initializer, walk);
  return { role: 'value' };
}

function checkExpressionStatement(statement: ExpressionStatement, walk: PureWalk): void {
  const issuesBefore = walk.issues.length;
  walk.visit(statement.getExpression(), walk);
  // A pure expression whose value is thrown away is still not part of the let/return shape.
  if (walk.issues.length === issuesBefore) report(walk, statement, constructs.expressionStatement);
}

