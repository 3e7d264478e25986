import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { Binding } from '../../spec/analyze/Binding.js';
import { bindContextParameter } from '../../spec/analyze/bindContextParameter.js';
import type { ParamEnv } from '../../spec/analyze/evaluateArgument.js';
import { locate } from '../../spec/analyze/locate.js';
import type { PureSubsetOptions, PureWalk } from '../../spec/analyze/PureWalk.js';
import type { FunctionLike } from '../../spec/analyze/resolveLibraryCheck.js';
import { roleOf, skipTypeSyntax } from '../../spec/analyze/roleOf.js';
import type { BinaryOp, Expr } from './CheckIR.js';

/** A construct the analysis let through but the translation cannot express exactly. */
export class Untranslatable extends Error {
  constructor(readonly construct: string, readonly node: Node) {
    super(construct);
  }
}

/** What a name in scope stands for, beyond the analysis' roles. */
type Local = { kind: 'var'; ir: string } | { kind: 'constant'; node: Node; env: ParamEnv };

interface Scope {
  walk: PureWalk;
  locals: ReadonlyMap<string, Local>;
  /** Keeps IR names unique across shadowing. */
  counter: { n: number };
}

const binaryOps: Partial<Record<SyntaxKind, BinaryOp>> = {
  [SyntaxKind.PlusToken]: '+',
  [SyntaxKind.MinusToken]: '-',
  [SyntaxKind.AsteriskToken]: '*',
  [SyntaxKind.SlashToken]: '/',
  [SyntaxKind.PercentToken]: '%',
  [SyntaxKind.AsteriskAsteriskToken]: '**',
  [SyntaxKind.EqualsEqualsEqualsToken]: '===',
  [SyntaxKind.ExclamationEqualsEqualsToken]: '!==',
  [SyntaxKind.EqualsEqualsToken]: '==',
  [SyntaxKind.ExclamationEqualsToken]: '!=',
  [SyntaxKind.LessThanToken]: '<',
  [SyntaxKind.LessThanEqualsToken]: '<=',
  [SyntaxKind.GreaterThanToken]: '>',
  [SyntaxKind.GreaterThanEqualsToken]: '>=',
};

/**
 * Turns a check function the analysis found in the pure subset into the IR. Names are
 * resolved with the analysis' own role rules (`roleOf`), so the translation and
 * `vigil list` agree on what every name is. A promise that is compared or combined
 * before being awaited behaves nothing like its value: such uses are refused.
 */
export function translateCheck(fn: FunctionLike, env: ParamEnv, options: PureSubsetOptions): Expr {
  const seeds = new Map<string, Binding>(options.seeds ?? []);
  const locals = new Map<string, Local>();
  for (const [name, value] of env) if (value.kind === 'constant') locals.set(name, { kind: 'constant', node: value.node, env: value.env });
  const walk: PureWalk = { scope: seeds, options, issues: [], visit: () => undefined, checkCallback: () => undefined };
  const [context] = fn.getParameters();
  const scope: Scope = { walk: context ? bindScope(walk, bindContextParameter(context, walk)) : walk, locals, counter: { n: 0 } };
  return translateBody(fn, scope);
}

function bindScope(walk: PureWalk, bindings: Iterable<readonly [string, Binding]>): PureWalk {
  const scope = new Map(walk.scope);
  for (const [name, binding] of bindings) scope.set(name, binding);
  return { ...walk, scope };
}

function withVar(scope: Scope, name: string): { scope: Scope; ir: string } {
  const ir = `${name}#${scope.counter.n++}`;
  const locals = new Map(scope.locals).set(name, { kind: 'var', ir });
  return { scope: { ...scope, walk: bindScope(scope.walk, [[name, { role: 'value' }]]), locals }, ir };
}

/** The body's value is what the function returns, which the caller awaits. */
function translateBody(fn: Node & { getBody(): Node | undefined }, scope: Scope): Expr {
  const body = fn.getBody();
  if (!body) throw new Untranslatable('function without body', fn);
  if (!Node.isBlock(body)) return translate(body, scope, true);
  const statements = body.getStatements().filter((s) => !Node.isEmptyStatement(s));
  const go = (i: number, current: Scope): Expr => {
    const statement = statements[i];
    if (!statement) throw new Untranslatable('block without final return', body);
    if (Node.isReturnStatement(statement)) {
      const expression = statement.getExpression();
      if (!expression) throw new Untranslatable('return without value', statement);
      return translate(expression, current, true);
    }
    if (!Node.isVariableStatement(statement)) throw new Untranslatable(statement.getKindName(), statement);
    const declarations = statement.getDeclarations();
    const bindOne = (j: number, inner: Scope): Expr => {
      const declaration = declarations[j];
      if (!declaration) return go(i + 1, inner);
      const nameNode = declaration.getNameNode();
      const initializer = declaration.getInitializer();
      if (!Node.isIdentifier(nameNode) || !initializer) throw new Untranslatable('destructuring declaration', declaration);
      const role = roleOf(initializer, inner.walk);
      if (role && role.role === 'handle') {
        // `const before = old(token)`: an alias of a handle, not a value.
        const aliased = { ...inner, walk: bindScope(inner.walk, [[nameNode.getText(), role]]) };
        return bindOne(j + 1, aliased);
      }
      const value = translate(initializer, inner, false);
      const bound = withVar(inner, nameNode.getText());
      return { k: 'let', name: bound.ir, value, body: bindOne(j + 1, bound.scope) };
    };
    return bindOne(0, current);
  };
  return go(0, scope);
}

/** `awaited`: the value is awaited where it is produced (by `await`, a quantifier or the runner). */
function translate(node: Node, scope: Scope, awaited: boolean): Expr {
  if (Node.isAwaitExpression(node)) return translate(node.getExpression(), scope, true);
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) ||
      Node.isNonNullExpression(node) || Node.isTypeAssertion(node)) {
    return translate(node.getExpression(), scope, awaited);
  }
  if (Node.isBigIntLiteral(node)) return { k: 'bigint', value: BigInt(node.getText().replace(/_/g, '').slice(0, -1)) };
  if (Node.isNumericLiteral(node)) return { k: 'number', value: Number(node.getText().replace(/_/g, '')) };
  if (Node.isTrueLiteral(node) || Node.isFalseLiteral(node)) return { k: 'bool', value: Node.isTrueLiteral(node) };
  if (Node.isIdentifier(node)) return translateName(node, scope);
  if (Node.isPrefixUnaryExpression(node)) {
    const operator = node.getOperatorToken();
    const arg = translate(node.getOperand(), scope, false);
    if (operator === SyntaxKind.MinusToken) return { k: 'neg', arg };
    if (operator === SyntaxKind.ExclamationToken) return { k: 'not', arg };
    throw new Untranslatable(`prefix operator ${node.getText()}`, node);
  }
  if (Node.isBinaryExpression(node)) {
    const kind = node.getOperatorToken().getKind();
    const left = translate(node.getLeft(), scope, false);
    const right = translate(node.getRight(), scope, false);
    if (kind === SyntaxKind.AmpersandAmpersandToken) return { k: 'and', left, right };
    if (kind === SyntaxKind.BarBarToken) return { k: 'or', left, right };
    const op = binaryOps[kind];
    if (!op) throw new Untranslatable(`operator ${node.getOperatorToken().getText()}`, node);
    return { k: 'binary', op, left, right };
  }
  if (Node.isConditionalExpression(node)) {
    return {
      k: 'cond',
      test: translate(node.getCondition(), scope, false),
      then: translate(node.getWhenTrue(), scope, awaited),
      else: translate(node.getWhenFalse(), scope, awaited),
    };
  }
  if (Node.isCallExpression(node)) return translateCall(node, scope, awaited);
  if (Node.isPropertyAccessExpression(node) && node.getName() === 'address') {
    const role = roleOf(node.getExpression(), scope.walk);
    if (role?.role === 'handle') return { k: 'contractAddress', contract: role.contract };
  }
  if (Node.isPropertyAccessExpression(node) && roleOf(node.getExpression(), scope.walk)?.role === 'call') {
    const field = node.getName();
    if (field === 'sender' || field === 'value' || field === 'reverted' || field === 'result') return { k: 'callField', field };
  }
  if (Node.isElementAccessExpression(node)) {
    const receiver = skipTypeSyntax(node.getExpression());
    const index = node.getArgumentExpression();
    if (Node.isPropertyAccessExpression(receiver) && receiver.getName() === 'args' &&
        roleOf(receiver.getExpression(), scope.walk)?.role === 'call' && index && Node.isNumericLiteral(index)) {
      return { k: 'callArg', index: Number(index.getLiteralValue()) };
    }
  }
  throw new Untranslatable(node.getKindName(), node);
}

function translateName(node: Node, scope: Scope): Expr {
  const name = node.getText();
  const role = roleOf(node, scope.walk);
  const local = scope.locals.get(name);
  if (role?.role === 'value' && local?.kind === 'var') return { k: 'var', name: local.ir };
  if (role?.role === 'value' && local?.kind === 'constant') {
    // A library parameter bound to constant arithmetic at the call site: inline it.
    const locals = new Map<string, Local>();
    for (const [n, v] of local.env) if (v.kind === 'constant') locals.set(n, { kind: 'constant', node: v.node, env: v.env });
    return translate(local.node, { ...scope, locals }, false);
  }
  throw new Untranslatable(`name \`${name}\``, node);
}

function translateCall(call: CallExpression, scope: Scope, awaited: boolean): Expr {
  const callee = skipTypeSyntax(call.getExpression());
  const role = roleOf(callee, scope.walk);
  const args = call.getArguments();
  if (role?.role === 'implies') {
    return { k: 'implies', left: translate(args[0]!, scope, false), right: translate(args[1]!, scope, false) };
  }
  if (role?.role === 'quantifier') {
    if (!awaited) throw new Untranslatable(`${role.name}(...) without await (a promise, not its value)`, call);
    const over = roleOf(args[0]!, scope.walk);
    if (over?.role !== 'collection') throw new Untranslatable('quantifier over a non-collection', call);
    if (over.name !== 'actors') {
      throw new Untranslatable(`${role.name} over ${over.name} (a set known only at run time; only actors is finite)`, args[0]!);
    }
    const fn = skipTypeSyntax(args[1]!);
    if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) throw new Untranslatable('non-inline callback', fn);
    const parameter = fn.getParameters()[0];
    // A callback without parameter still runs once per actor.
    const bound = withVar(scope, parameter ? parameter.getName() : '_');
    return { k: 'quant', q: role.name, variable: bound.ir, body: translateBody(fn, bound.scope) };
  }
  if (Node.isPropertyAccessExpression(callee)) {
    const receiver = roleOf(callee.getExpression(), scope.walk);
    if (receiver?.role === 'handle') {
      if (!awaited) throw new Untranslatable('view call without await (a promise, not its value)', call);
      return {
        k: 'view',
        contract: receiver.contract,
        fn: callee.getName(),
        args: args.map((a) => translate(a, scope, false)),
        old: receiver.old,
        at: locate(call),
      };
    }
  }
  throw new Untranslatable('function call', call);
}
