import { Node, SyntaxKind, type CallExpression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { createAnalysisSession, type AnalysisSession } from '../spec/analyze/AnalysisSession.js';
import { createAnalysisProject } from '../spec/analyze/createAnalysisProject.js';
import { findDefineSpecCall } from '../spec/analyze/findDefineSpecCall.js';
import { findExport } from '../spec/analyze/findExport.js';
import { findVariantBase } from '../spec/analyze/findVariantBase.js';
import { memberValue } from '../spec/analyze/memberName.js';
import { isFunctionLike, type FunctionLike } from '../spec/analyze/resolveLibraryCheck.js';

/**
 * What a library function's parameter is bound to: the argument expression and the scope
 * it was written in, kept unevaluated. Unlike the analyser's environment (which keeps only
 * the text of constants), a parameter passed on through several library functions still
 * leads back to the literal at the call site in the spec.
 */
export interface Closure {
  node: Node;
  env: Scope;
}
export type Scope = ReadonlyMap<string, Closure | undefined>;

export interface ResolvedCheck {
  fn: FunctionLike;
  /** Library parameters in scope of `fn`. */
  env: Scope;
  session: AnalysisSession;
}

export type CheckLookup = { ok: true; check: ResolvedCheck } | { ok: false; reason: string };

const emptyScope: Scope = new Map();
const maxDepth = 32;

/**
 * Finds, without running anything, the function behind the invariant or property `name`
 * of a spec file: inline, from a library call (`solvent('vault')`), or from a spread
 * (`...erc20Invariants('token')`), following a `variantOf` spec to its base.
 */
export function resolveCheckFunction(specFile: string, kind: 'invariant' | 'property', name: string): CheckLookup {
  const session = createAnalysisSession(createAnalysisProject());
  let sourceFile = session.openFile(specFile);
  if (!sourceFile) return fail(`cannot read ${specFile}`);
  const base = findVariantBase(sourceFile);
  if (base !== undefined) sourceFile = session.openFile(base) ?? sourceFile;
  const spec = findDefineSpecCall(sourceFile, session.bindingsOf(sourceFile)).spec;
  if (!spec) return fail(`cannot find defineSpec({ ... }) in ${sourceFile.getBaseName()}`);
  const r = new Resolver(session);
  const section = r.member(spec, kind === 'invariant' ? 'invariants' : 'properties', emptyScope);
  if (!section) return fail(`the spec has no ${kind === 'invariant' ? 'invariants' : 'properties'} section that can be read`);
  if (!Node.isObjectLiteralExpression(section.node)) return fail(`the spec's ${kind} section is not an object literal`);
  const entry = r.entry(section.node, section.env, name);
  if (!entry) return fail(`cannot find the ${kind} \`${name}\` in the spec's source`);
  let target = r.resolve(entry.node, entry.env);
  if (target && kind === 'property' && Node.isObjectLiteralExpression(target.node)) {
    const check = r.member(target.node, 'check', target.env, false);
    target = check && r.resolve(check.node, check.env);
  }
  if (!target || !isFunctionLike(target.node)) return fail(`\`${shortText(entry.node)}\` does not resolve to a function written in the source`);
  return { ok: true, check: { fn: target.node, env: target.env, session } };
}

export class Resolver {
  constructor(readonly session: AnalysisSession) {}

  /** Follows a value to a function, an object literal or a module, binding library parameters on the way. */
  resolve(node: Node, env: Scope, depth = 0): Closure | undefined {
    if (depth > maxDepth) return undefined;
    if (isFunctionLike(node) || Node.isObjectLiteralExpression(node) || Node.isSourceFile(node)) return { node, env };
    if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isNonNullExpression(node)) {
      return this.resolve(node.getExpression(), env, depth + 1);
    }
    if (Node.isIdentifier(node)) return this.identifier(node, env, depth);
    if (Node.isCallExpression(node)) return this.call(node, env, depth);
    if (Node.isPropertyAccessExpression(node)) return this.memberOf(node.getExpression(), node.getName(), env, depth);
    if (Node.isElementAccessExpression(node)) {
      const arg = node.getArgumentExpression();
      const key = arg && this.evaluateString(arg, env);
      return key === undefined ? undefined : this.memberOf(node.getExpression(), key, env, depth);
    }
    if (Node.isVariableDeclaration(node)) {
      const init = node.getInitializer();
      return init && this.resolve(init, emptyScope, depth + 1);
    }
    if (Node.isPropertyAssignment(node)) {
      const init = node.getInitializer();
      return init && this.resolve(init, env, depth + 1);
    }
    if (Node.isShorthandPropertyAssignment(node)) return this.identifier(node.getNameNode(), env, depth);
    return undefined;
  }

  /** A top-level name of a file (declared there or imported), as its declaration. */
  moduleValue(name: string, sourceFile: SourceFile): Node | undefined {
    const binding = this.session.bindingsOf(sourceFile).get(name);
    if (!binding) return undefined;
    if (binding.kind === 'local') return binding.declaration;
    const target = this.session.openImport(sourceFile, binding.moduleSpecifier);
    if (!target) return undefined;
    if (binding.imported === '*') return target;
    return findExport(target, binding.imported, this.session);
  }

  /** Folds string literals, templates, `+` and parameters bound to strings; undefined if not static. */
  evaluateString(node: Node, env: Scope, depth = 0): string | undefined {
    if (depth > maxDepth) return undefined;
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
    if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node)) return this.evaluateString(node.getExpression(), env, depth + 1);
    if (Node.isIdentifier(node)) {
      const bound = env.get(node.getText());
      return bound ? this.evaluateString(bound.node, bound.env, depth + 1) : undefined;
    }
    if (Node.isTemplateExpression(node)) {
      let text = node.getHead().getLiteralText();
      for (const span of node.getTemplateSpans()) {
        const part = this.evaluateString(span.getExpression(), env, depth + 1);
        if (part === undefined) return undefined;
        text += part + span.getLiteral().getLiteralText();
      }
      return text;
    }
    if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
      const left = this.evaluateString(node.getLeft(), env, depth + 1);
      const right = left === undefined ? undefined : this.evaluateString(node.getRight(), env, depth + 1);
      return right === undefined ? undefined : left + right;
    }
    return undefined;
  }

  /** The value of member `name` of an object literal (spreads searched when `spreads`); later members win. */
  member(object: ObjectLiteralExpression, name: string, env: Scope, spreads = true): Closure | undefined {
    const members = object.getProperties();
    for (let i = members.length - 1; i >= 0; i--) {
      const m = members[i]!;
      if (Node.isSpreadAssignment(m)) {
        if (!spreads) continue;
        const spread = this.resolve(m.getExpression(), env);
        const found = spread && Node.isObjectLiteralExpression(spread.node) ? this.member(spread.node, name, spread.env) : undefined;
        if (found) return found;
        continue;
      }
      if (this.memberName(m, env) !== name) continue;
      const value = memberValue(m);
      if (!value) return undefined;
      const resolved = this.resolve(value, env);
      // A member that is not a literal (a call of a check factory) is returned as written.
      return resolved ?? { node: value, env };
    }
    return undefined;
  }

  /** The check named `name` in a section, as written (before resolving library calls). */
  entry(object: ObjectLiteralExpression, env: Scope, name: string): Closure | undefined {
    const members = object.getProperties();
    for (let i = members.length - 1; i >= 0; i--) {
      const m = members[i]!;
      if (Node.isSpreadAssignment(m)) {
        const spread = this.resolve(m.getExpression(), env);
        const found = spread && Node.isObjectLiteralExpression(spread.node) ? this.entry(spread.node, spread.env, name) : undefined;
        if (found) return found;
        continue;
      }
      const value = this.memberName(m, env) === name ? memberValue(m) : undefined;
      if (value) return { node: value, env };
    }
    return undefined;
  }

  private memberName(m: Node, env: Scope): string | undefined {
    if (Node.isShorthandPropertyAssignment(m)) return m.getName();
    if (!Node.isPropertyAssignment(m) && !Node.isMethodDeclaration(m)) return undefined;
    const nameNode = m.getNameNode();
    if (Node.isIdentifier(nameNode) || Node.isPrivateIdentifier(nameNode)) return nameNode.getText();
    if (Node.isStringLiteral(nameNode) || Node.isNoSubstitutionTemplateLiteral(nameNode)) return nameNode.getLiteralValue();
    if (Node.isNumericLiteral(nameNode)) return String(nameNode.getLiteralValue());
    if (Node.isComputedPropertyName(nameNode)) return this.evaluateString(nameNode.getExpression(), env);
    return undefined;
  }

  private identifier(node: Node, env: Scope, depth: number): Closure | undefined {
    const name = node.getText();
    if (env.has(name)) {
      const bound = env.get(name);
      return bound && this.resolve(bound.node, bound.env, depth + 1);
    }
    const declaration = this.moduleValue(name, node.getSourceFile());
    return declaration && this.resolve(declaration, emptyScope, depth + 1);
  }

  private call(call: CallExpression, env: Scope, depth: number): Closure | undefined {
    const callee = this.resolve(call.getExpression(), env, depth + 1);
    if (!callee || !isFunctionLike(callee.node)) return undefined;
    const fn = callee.node;
    const body = fn.getBody();
    if (!body) return undefined;
    let returned: Node | undefined = body;
    if (Node.isBlock(body)) {
      const [only, ...rest] = body.getStatements();
      returned = rest.length === 0 && only && Node.isReturnStatement(only) ? only.getExpression() : undefined;
    }
    if (!returned) return undefined;
    const bound = new Map(callee.env);
    const args = call.getArguments();
    fn.getParameters().forEach((parameter, i) => {
      const nameNode = parameter.getNameNode();
      if (!Node.isIdentifier(nameNode)) return;
      const arg = args[i];
      const init = parameter.getInitializer();
      // A default may refer to earlier parameters, so it sees the scope being built.
      bound.set(nameNode.getText(), arg ? { node: arg, env } : init ? { node: init, env: new Map(bound) } : undefined);
    });
    return this.resolve(returned, bound, depth + 1);
  }

  private memberOf(receiver: Node, name: string, env: Scope, depth: number): Closure | undefined {
    const owner = this.resolve(receiver, env, depth + 1);
    if (!owner) return undefined;
    if (Node.isSourceFile(owner.node)) {
      const exported = findExport(owner.node, name, this.session);
      return exported && this.resolve(exported, emptyScope, depth + 1);
    }
    if (Node.isObjectLiteralExpression(owner.node)) return this.member(owner.node, name, owner.env);
    return undefined;
  }
}

function fail(reason: string): CheckLookup {
  return { ok: false, reason };
}

function shortText(node: Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
