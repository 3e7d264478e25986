import path from 'node:path';
import { Node, SyntaxKind, type BinaryExpression, type Block, type CallExpression } from 'ts-morph';
import type { AbiFunction, Hex } from 'viem';
import { isFunctionLike, type FunctionLike } from '../spec/analyze/resolveLibraryCheck.js';
import { readMember, type MemberReader } from './readMember.js';
import type { Resolver, Scope } from './resolveCheckFunction.js';
import {
  Untranslatable, arithmetic, asArgument, comparison, conditional, constant, isNumeric, logical, negate, not, primary, widened,
  type ArithmeticOp, type ComparisonOp, type SolExpr,
} from './SolExpr.js';
import { addressExpr, at, ex, valueConstruct, type TranslationContext, type Val } from './Val.js';

export type { ContractRef, TranslationContext } from './Val.js';

export interface Translation {
  expression: SolExpr;
  /** `old(...)` reads, to evaluate into locals before the last call. */
  preState: { name: string; type: string; code: string }[];
  usesCallOk: boolean;
  usesCallReturn: boolean;
}

export type TranslationResult =
  | { ok: true; translation: Translation }
  | { ok: false; construct: string; text?: string; at?: string };

interface Env {
  locals: ReadonlyMap<string, Val>;
  /** Library parameters in scope, translated when used. */
  lib: Scope;
}

const helperNames = new Set(['sum', 'forall', 'exists', 'implies']);
const maxDepth = 64;

/**
 * Translates a check function into one Solidity boolean expression over the exported
 * test's handles. Quantifiers are unrolled over the concrete collections Vigil had when
 * the check failed, `old(...)` reads become locals read before the last call, ghosts and
 * call fields become the values Vigil saw. The first construct outside this subset
 * stops the translation and is named in the result.
 */
export function translateCheck(fn: FunctionLike, lib: Scope, resolver: Resolver, ctx: TranslationContext): TranslationResult {
  const t = new Translator(resolver, ctx);
  try {
    const env = t.bindContext(fn, { locals: new Map(), lib });
    const value = t.expr(t.body(fn, env), fn);
    if (value.type !== 'bool') throw new Untranslatable('check that does not return a boolean', fn);
    return { ok: true, translation: { expression: value, preState: t.preState, usesCallOk: t.usesCallOk, usesCallReturn: t.usesCallReturn } };
  } catch (e) {
    if (!(e instanceof Untranslatable)) throw e;
    const node = e.node;
    return {
      ok: false,
      construct: e.construct,
      ...(node ? { text: oneLine(node.getText()), at: `${path.relative(process.cwd(), node.getSourceFile().getFilePath())}:${node.getStartLineNumber()}` } : {}),
    };
  }
}

class Translator implements MemberReader {
  readonly preState: Translation['preState'] = [];
  usesCallOk = false;
  usesCallReturn = false;
  private depth = 0;

  constructor(private readonly resolver: Resolver, readonly ctx: TranslationContext) {}

  bindContext(fn: FunctionLike, env: Env): Env {
    const [param, ...extra] = fn.getParameters();
    if (extra.length > 0) throw new Untranslatable('extra parameter', extra[0]);
    if (!param) return env;
    const locals = new Map(env.locals);
    const nameNode = param.getNameNode();
    if (param.isRestParameter() || param.hasInitializer()) throw new Untranslatable('rest or default parameter', param);
    if (Node.isIdentifier(nameNode)) return { ...env, locals: locals.set(nameNode.getText(), { k: 'context' }) };
    if (!Node.isObjectBindingPattern(nameNode)) throw new Untranslatable('array destructuring', nameNode);
    for (const element of nameNode.getElements()) {
      const local = element.getNameNode();
      if (element.getDotDotDotToken() || element.hasInitializer() || !Node.isIdentifier(local)) {
        throw new Untranslatable('destructuring with rest, default or nesting', element);
      }
      const property = element.getPropertyNameNode();
      let key: string | undefined = local.getText();
      if (property) {
        key = Node.isIdentifier(property) ? property.getText()
          : Node.isComputedPropertyName(property) ? this.resolver.evaluateString(property.getExpression(), env.lib)
          : Node.isStringLiteral(property) ? property.getLiteralValue() : undefined;
      }
      if (key === undefined) throw new Untranslatable('computed context key', element);
      locals.set(local.getText(), readMember(this, { k: 'context' }, key, element));
    }
    return { ...env, locals };
  }

  /** The value a function body returns: an expression, or `const ...; return ...;`. */
  body(fn: FunctionLike, env: Env): Val {
    const body = fn.getBody();
    if (!body) throw new Untranslatable('function without a body', fn);
    if (!Node.isBlock(body)) return this.value(body, env);
    return this.block(body, env);
  }

  private block(block: Block, env: Env): Val {
    const locals = new Map(env.locals);
    const scoped = { ...env, locals };
    for (const statement of block.getStatements()) {
      if (Node.isReturnStatement(statement)) {
        const e = statement.getExpression();
        if (!e) throw new Untranslatable('return without value', statement);
        return this.value(e, scoped);
      }
      if (Node.isVariableStatement(statement) && statement.getDeclarationKind() === 'const') {
        for (const d of statement.getDeclarations()) {
          const name = d.getNameNode();
          const init = d.getInitializer();
          if (!Node.isIdentifier(name) || !init) throw new Untranslatable('destructuring declaration', d);
          locals.set(name.getText(), this.value(init, scoped));
        }
        continue;
      }
      if (Node.isEmptyStatement(statement)) continue;
      throw new Untranslatable(statementName(statement), statement);
    }
    throw new Untranslatable('block without final return', block);
  }

  expr(v: Val, node: Node): SolExpr {
    if (v.k === 'expr') return v.e;
    if (v.k === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v.value)) return addressExpr(v.value as Hex);
    throw new Untranslatable(valueConstruct(v), node);
  }

  value(node: Node, env: Env): Val {
    if (++this.depth > maxDepth) throw new Untranslatable('expression nested too deeply', node);
    try {
      return this.valueOf(node, env);
    } finally {
      this.depth--;
    }
  }

  private valueOf(node: Node, env: Env): Val {
    if (Node.isParenthesizedExpression(node) || Node.isAwaitExpression(node) || Node.isAsExpression(node)
      || Node.isNonNullExpression(node) || Node.isSatisfiesExpression(node) || Node.isTypeAssertion(node)) {
      return this.value(node.getExpression(), env);
    }
    if (Node.isIdentifier(node)) return this.identifier(node, env);
    if (Node.isBigIntLiteral(node)) return ex(constant(BigInt(node.getText().replace(/n$/, '').replace(/_/g, ''))));
    if (Node.isNumericLiteral(node)) {
      const v = node.getLiteralValue();
      if (!Number.isSafeInteger(v)) throw new Untranslatable('non-integer number', node);
      return ex(constant(BigInt(v)));
    }
    if (Node.isTrueLiteral(node)) return ex(constant(true));
    if (Node.isFalseLiteral(node)) return ex(constant(false));
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return { k: 'string', value: node.getLiteralValue() };
    if (Node.isPrefixUnaryExpression(node)) {
      const operand = this.expr(this.value(node.getOperand(), env), node.getOperand());
      const op = node.getOperatorToken();
      if (op === SyntaxKind.ExclamationToken) return ex(at(node, () => not(operand)));
      if (op === SyntaxKind.MinusToken) return ex(at(node, () => negate(operand)));
      throw new Untranslatable('prefix operator', node);
    }
    if (Node.isBinaryExpression(node)) return ex(this.binary(node, env));
    if (Node.isConditionalExpression(node)) {
      const c = this.expr(this.value(node.getCondition(), env), node.getCondition());
      const a = this.expr(this.value(node.getWhenTrue(), env), node.getWhenTrue());
      const b = this.expr(this.value(node.getWhenFalse(), env), node.getWhenFalse());
      return ex(at(node, () => conditional(c, a, b)));
    }
    if (Node.isCallExpression(node)) return this.call(node, env);
    if (Node.isPropertyAccessExpression(node)) {
      if (node.hasQuestionDotToken()) throw new Untranslatable('optional chaining', node);
      return readMember(this, this.value(node.getExpression(), env), node.getName(), node);
    }
    if (Node.isElementAccessExpression(node)) {
      const arg = node.getArgumentExpression();
      if (!arg) throw new Untranslatable('element access', node);
      const key = Node.isNumericLiteral(arg) ? String(arg.getLiteralValue()) : this.staticString(arg, env);
      if (key === undefined) throw new Untranslatable('computed key', node);
      return readMember(this, this.value(node.getExpression(), env), key, node);
    }
    throw new Untranslatable(node.getKindName(), node);
  }

  private staticString(node: Node, env: Env): string | undefined {
    if (Node.isIdentifier(node)) {
      const local = env.locals.get(node.getText());
      if (local) return local.k === 'string' ? local.value : undefined;
    }
    return this.resolver.evaluateString(node, env.lib);
  }

  private identifier(node: Node, env: Env): Val {
    const name = node.getText();
    const local = env.locals.get(name);
    if (local) return local;
    if (env.lib.has(name)) {
      const bound = env.lib.get(name);
      if (!bound) throw new Untranslatable('library parameter without an argument', node);
      const text = this.resolver.evaluateString(bound.node, bound.env);
      if (text !== undefined) return { k: 'string', value: text };
      return this.value(bound.node, { locals: new Map(), lib: bound.env });
    }
    const binding = this.resolver.session.bindingsOf(node.getSourceFile()).get(name);
    if (binding?.kind === 'import' && helperNames.has(binding.imported)) return { k: 'helper', name: binding.imported as 'sum' };
    if (binding) {
      const declaration = this.resolver.moduleValue(name, node.getSourceFile());
      const init = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
      if (init && !isFunctionLike(init)) return this.value(init, { locals: new Map(), lib: new Map() });
      throw new Untranslatable(binding.kind === 'import' ? 'imported identifier' : 'module-level identifier', node);
    }
    if (helperNames.has(name)) return { k: 'helper', name: name as 'sum' };
    throw new Untranslatable('free identifier', node);
  }

  private binary(node: BinaryExpression, env: Env): SolExpr {
    const op = node.getOperatorToken().getText();
    const l = this.expr(this.value(node.getLeft(), env), node.getLeft());
    const r = () => this.expr(this.value(node.getRight(), env), node.getRight());
    if (op === '&&' || op === '||') return at(node, () => logical(op, l, r()));
    const right = r();
    const cmp: Record<string, ComparisonOp> = { '===': '==', '==': '==', '!==': '!=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
    if (cmp[op]) return at(node, () => comparison(cmp[op]!, l, right));
    if (['+', '-', '*', '/', '%', '**'].includes(op)) return at(node, () => arithmetic(op as ArithmeticOp, l, right));
    throw new Untranslatable(`operator ${op}`, node);
  }

  private call(node: CallExpression, env: Env): Val {
    if (node.hasQuestionDotToken()) throw new Untranslatable('optional chaining', node);
    const callee = node.getExpression();
    const args = node.getArguments();
    if (Node.isPropertyAccessExpression(callee)) {
      const receiver = this.value(callee.getExpression(), env);
      if (receiver.k === 'handle') return ex(this.viewCall(receiver, callee.getName(), args.map((a) => this.expr(this.value(a, env), a)), node));
      if (receiver.k === 'chain' && callee.getName() === 'balanceOf' && args.length === 1) {
        const who = this.expr(this.value(args[0]!, env), args[0]!);
        if (who.type !== 'address') throw new Untranslatable('chain.balanceOf of a non-address', node);
        const account = who.code.startsWith('address(') ? who.code : `address(${who.code})`;
        return ex(primary(`${account}.balance`, 'uint256', { post: true }));
      }
      const construct = receiver.k === 'chain' ? 'chain.*' : receiver.k === 'collection' ? 'array method' : 'method call on a non-contract value';
      throw new Untranslatable(construct, node);
    }
    const fn = this.value(callee, env);
    if (fn.k === 'old') {
      const target = args.length === 1 ? this.value(args[0]!, env) : undefined;
      if (target?.k === 'handle') return { ...target, old: true };
      if (target?.k === 'ghosts') return { k: 'ghosts', old: true };
      throw new Untranslatable('old() of a non-contract value', node);
    }
    if (fn.k !== 'helper') throw new Untranslatable('function call', node);
    if (fn.name === 'implies') {
      if (args.length !== 2) throw new Untranslatable('malformed implies call', node);
      const a = this.expr(this.value(args[0]!, env), args[0]!);
      return ex(at(node, () => logical('||', not(a), this.expr(this.value(args[1]!, env), args[1]!))));
    }
    return ex(this.quantifier(fn.name, node, env));
  }

  private quantifier(name: 'sum' | 'forall' | 'exists', node: CallExpression, env: Env): SolExpr {
    const [collectionNode, callback, ...rest] = node.getArguments();
    if (!collectionNode || !callback || rest.length > 0) throw new Untranslatable('malformed sum/forall/exists call', node);
    const collection = this.value(collectionNode, env);
    if (collection.k !== 'collection') throw new Untranslatable('collection other than actors, holders or keys.*', collectionNode);
    const fn = skipParens(callback);
    if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) throw new Untranslatable('non-inline callback', callback);
    const [param, ...extra] = fn.getParameters();
    if (extra.length > 0 || (param && !Node.isIdentifier(param.getNameNode()))) throw new Untranslatable('callback with other than one plain parameter', fn);
    const terms = collection.items.map((item) => {
      const locals = new Map(env.locals);
      if (param) locals.set(param.getName(), ex(item));
      return this.expr(this.body(fn, { ...env, locals }), fn);
    });
    return at(node, () => {
      const [first, ...others] = terms;
      if (name === 'sum') {
        if (!first) return constant(0n);
        if (!isNumeric(first.type)) throw new Untranslatable('sum of non-integer values');
        return others.reduce((acc, t) => arithmetic('+', acc, t), first);
      }
      const op = name === 'forall' ? '&&' : '||';
      if (!first) return constant(name === 'forall');
      if (first.type !== 'bool') throw new Untranslatable(`${name} over non-boolean values`);
      return others.reduce((acc, t) => logical(op, acc, t), first);
    });
  }

  private viewCall(handle: Extract<Val, { k: 'handle' }>, method: string, args: SolExpr[], node: Node): SolExpr {
    const contract = this.ctx.contracts.get(handle.key);
    if (!contract) throw new Untranslatable(`unknown contract ${handle.key}`, node);
    const candidates = contract.abi.filter((x): x is AbiFunction => x.type === 'function' && x.name === method && x.inputs.length === args.length);
    if (candidates.length !== 1) throw new Untranslatable(candidates.length === 0 ? `no function ${method} with ${args.length} arguments` : `overloaded function ${method}`, node);
    const fn = candidates[0]!;
    if (fn.stateMutability !== 'view' && fn.stateMutability !== 'pure') throw new Untranslatable(`call of state-changing ${method}`, node);
    if (fn.outputs.length !== 1) throw new Untranslatable(`${method} does not return exactly one value`, node);
    const code = `${contract.ident}.${method}(${at(node, () => args.map((a, i) => asArgument(a, fn.inputs[i]!.type))).join(', ')})`;
    if (!handle.old) return at(node, () => widened(code, fn.outputs[0]!.type, true));
    if (args.some((a) => a.post)) throw new Untranslatable('old() read whose argument depends on the state after the call', node);
    const read = at(node, () => widened(code, fn.outputs[0]!.type, false));
    let local = this.preState.find((p) => p.code === read.code);
    if (!local) {
      local = { name: `pre${this.preState.length}`, type: read.type, code: read.code };
      this.preState.push(local);
    }
    return primary(local.name, read.type);
  }


}

function skipParens(node: Node): Node {
  return Node.isParenthesizedExpression(node) || Node.isAsExpression(node) ? skipParens(node.getExpression()) : node;
}

function statementName(statement: Node): string {
  if (Node.isVariableStatement(statement)) return `${statement.getDeclarationKind()} declaration`;
  if (Node.isIfStatement(statement)) return 'if statement';
  if (Node.isForStatement(statement) || Node.isForOfStatement(statement) || Node.isForInStatement(statement) || Node.isWhileStatement(statement)) return 'loop';
  if (Node.isTryStatement(statement)) return 'try/catch';
  if (Node.isThrowStatement(statement)) return 'throw';
  return statement.getKindName();
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}
