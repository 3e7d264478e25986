import {
  Node,
  SyntaxKind,
  type BinaryExpression,
  type ConditionalExpression,
  type ElementAccessExpression,
  type PrefixUnaryExpression,
  type PropertyAccessExpression,
} from 'ts-morph';
import type { Binding } from './Binding.js';
import { bindContextParameter } from './bindContextParameter.js';
import { boundNames } from './boundNames.js';
import { checkPureBlock } from './checkPureBlock.js';
import { checkPureCall } from './checkPureCall.js';
import { constructs } from './constructs.js';
import {
  allowedBinaryOperators,
  binaryOperatorConstruct,
  outsideExpressionConstructs,
  prefixOperatorConstructs,
} from './pureTables.js';
import { report, withBindings, type PureSubsetOptions, type PureWalk } from './PureWalk.js';
import type { FunctionLike } from './resolveLibraryCheck.js';
import { roleAsValueConstruct, roleOf, rootSpecialConstruct, skipTypeSyntax } from './roleOf.js';
import type { ProvableIssue } from './SpecAnalysis.js';

export type { PureSubsetOptions } from './PureWalk.js';

/**
 * Lists every construct in a check function that a Z3 translation could not express.
 * An empty list means the check is in the pure subset. Reported nodes are not
 * descended into, so a loop is one issue, not one per statement inside it.
 */
export function checkPureSubset(fn: FunctionLike, options: PureSubsetOptions): ProvableIssue[] {
  const walk: PureWalk = { scope: new Map(options.seeds ?? []), options, issues: [], visit, checkCallback };
  if (isGenerator(fn)) {
    report(walk, fn, constructs.generator);
    return walk.issues;
  }
  const [context, ...extra] = fn.getParameters();
  for (const parameter of extra) report(walk, parameter, constructs.extraParameter);
  checkBody(fn, context ? withBindings(walk, bindContextParameter(context, walk)) : walk);
  return walk.issues;
}

function checkCallback(callback: Node, walk: PureWalk): void {
  if (!Node.isArrowFunction(callback) && !Node.isFunctionExpression(callback)) {
    return report(walk, callback, constructs.nonInlineCallback);
  }
  if (isGenerator(callback)) return report(walk, callback, constructs.generator);
  const [element, ...extra] = callback.getParameters();
  for (const parameter of extra) report(walk, parameter, constructs.extraParameter);
  const bound: [string, Binding][] = [];
  if (element) {
    const nameNode = element.getNameNode();
    if (element.isRestParameter() || element.hasInitializer()) report(walk, element, constructs.restOrDefaultParameter);
    else if (!Node.isIdentifier(nameNode)) report(walk, element, constructs.destructuredCallbackParameter);
    // Reported or not, the names are values: their uses are not separate problems.
    for (const name of boundNames(nameNode)) bound.push([name, { role: 'value' }]);
  }
  checkBody(callback, withBindings(walk, bound));
}

function checkBody(fn: FunctionLike, walk: PureWalk): void {
  const body = fn.getBody();
  if (!body) return;
  if (Node.isBlock(body)) checkPureBlock(body, walk);
  else visit(body, walk);
}

function isGenerator(fn: FunctionLike): boolean {
  return !Node.isArrowFunction(fn) && fn.isGenerator();
}

function visit(node: Node, walk: PureWalk): void {
  // The parser fills gaps with zero-width nodes; an empty identifier is not a free variable.
  if (node.getStart() >= node.getEnd()) return report(walk, node, constructs.syntaxError);
  const role = roleOf(node, walk);
  if (role) {
    const construct = roleAsValueConstruct(role);
    if (construct) report(walk, node, construct, unknownNameDetail(node, role));
    return;
  }
  const handler = expressionHandlers[node.getKind()];
  if (handler) handler(node, walk);
  else report(walk, node, outsideExpressionConstructs[node.getKind()] ?? node.getKindName());
}

/** `ctx[key]` hides the name it reads; say which one, since it is usually a misspelt contract key. */
function unknownNameDetail(node: Node, role: Binding): string | undefined {
  if (role.role !== 'unknownContext' || node.getText() === role.name) return undefined;
  return `it reads \`${role.name}\`, which is neither a contract key nor a context member`;
}

type ExpressionHandler = (node: Node, walk: PureWalk) => void;

const allowLeaf: ExpressionHandler = () => undefined;

const visitInner: ExpressionHandler = (node, walk) => {
  visit((node as Node & { getExpression(): Node }).getExpression(), walk);
};

const expressionHandlers: Partial<Record<SyntaxKind, ExpressionHandler>> = {
  [SyntaxKind.NumericLiteral]: allowLeaf,
  [SyntaxKind.BigIntLiteral]: allowLeaf,
  [SyntaxKind.TrueKeyword]: allowLeaf,
  [SyntaxKind.FalseKeyword]: allowLeaf,
  [SyntaxKind.ParenthesizedExpression]: visitInner,
  [SyntaxKind.AwaitExpression]: visitInner,
  [SyntaxKind.AsExpression]: visitInner,
  [SyntaxKind.TypeAssertionExpression]: visitInner,
  [SyntaxKind.NonNullExpression]: visitInner,
  [SyntaxKind.SatisfiesExpression]: visitInner,
  [SyntaxKind.PrefixUnaryExpression]: (node, walk) => checkPrefixUnary(node as PrefixUnaryExpression, walk),
  [SyntaxKind.BinaryExpression]: (node, walk) => checkBinary(node as BinaryExpression, walk),
  [SyntaxKind.ConditionalExpression]: (node, walk) => checkConditional(node as ConditionalExpression, walk),
  [SyntaxKind.CallExpression]: (node, walk) => checkPureCall(node.asKindOrThrow(SyntaxKind.CallExpression), walk),
  [SyntaxKind.PropertyAccessExpression]: (node, walk) => checkPropertyAccess(node as PropertyAccessExpression, walk),
  [SyntaxKind.ElementAccessExpression]: (node, walk) => checkElementAccess(node as ElementAccessExpression, walk),
};

function checkPrefixUnary(node: PrefixUnaryExpression, walk: PureWalk): void {
  const construct = prefixOperatorConstructs[node.getOperatorToken()];
  if (construct) report(walk, node, construct);
  else visit(node.getOperand(), walk);
}

function checkBinary(node: BinaryExpression, walk: PureWalk): void {
  const operator = node.getOperatorToken().getKind();
  if (!allowedBinaryOperators.has(operator)) return report(walk, node, binaryOperatorConstruct(operator));
  visit(node.getLeft(), walk);
  visit(node.getRight(), walk);
}

function checkConditional(node: ConditionalExpression, walk: PureWalk): void {
  visit(node.getCondition(), walk);
  visit(node.getWhenTrue(), walk);
  visit(node.getWhenFalse(), walk);
}

const callFields: ReadonlySet<string> = new Set(['sender', 'result', 'reverted', 'value']);

function checkPropertyAccess(node: PropertyAccessExpression, walk: PureWalk): void {
  if (node.hasQuestionDotToken()) return report(walk, node, constructs.optionalChaining);
  const special = rootSpecialConstruct(node, walk);
  if (special) return report(walk, node, special);
  const receiver = node.getExpression();
  const role = roleOf(receiver, walk);
  if (role?.role === 'call') {
    if (callFields.has(node.getName())) return;
    return report(walk, node, node.getName() === 'args' ? constructs.callArgsWithoutIndex : constructs.callField);
  }
  // A deployed contract's address is a constant of the deployment; nothing else of a handle is a value.
  if (role?.role === 'handle') return node.getName() === 'address' ? undefined : report(walk, node, constructs.handleProperty);
  if (role && role.role !== 'value' && role.role !== 'collection') return visit(receiver, walk);
  reportUnlessReceiverIs(node, receiver, constructs.propertyAccess, walk);
}

function checkElementAccess(node: ElementAccessExpression, walk: PureWalk): void {
  if (node.hasQuestionDotToken()) return report(walk, node, constructs.optionalChaining);
  const special = rootSpecialConstruct(node, walk);
  if (special) return report(walk, node, special);
  const receiver = skipTypeSyntax(node.getExpression());
  if (isCallArgs(receiver, walk)) {
    if (Node.isNumericLiteral(node.getArgumentExpression())) return;
    return report(walk, node, constructs.computedArgIndex);
  }
  const role = roleOf(receiver, walk);
  if (role && role.role !== 'value') return visit(receiver, walk);
  reportUnlessReceiverIs(node, receiver, constructs.elementAccess, walk);
}

/**
 * `xs.map(f).length` is better explained by the `.map` than by the `.length`: report
 * the receiver's problem if it has one, and the access itself only when it is the culprit.
 */
function reportUnlessReceiverIs(node: Node, receiver: Node, construct: string, walk: PureWalk): void {
  const issuesBefore = walk.issues.length;
  if (!roleOf(receiver, walk)) visit(receiver, walk);
  if (walk.issues.length === issuesBefore) report(walk, node, construct);
}

function isCallArgs(node: Node, walk: PureWalk): boolean {
  return (
    Node.isPropertyAccessExpression(node) &&
    node.getName() === 'args' &&
    roleOf(node.getExpression(), walk)?.role === 'call'
  );
}
