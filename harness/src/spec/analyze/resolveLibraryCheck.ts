import {
  Node,
  SyntaxKind,
  type ArrowFunction,
  type CallExpression,
  type FunctionDeclaration,
  type FunctionExpression,
  type MethodDeclaration,
} from 'ts-morph';
import type { AnalysisSession } from './AnalysisSession.js';
import { emptyEnv, evaluateArgument, evaluateString, type ParamEnv, type ParamValue } from './evaluateArgument.js';
import { findExport } from './findExport.js';
import { findMember, memberValue } from './memberName.js';

export type FunctionLike = ArrowFunction | FunctionExpression | FunctionDeclaration | MethodDeclaration;

/**
 * A literal the resolution ended on: a function (a check), an object literal (a group
 * of checks or a property), or a SourceFile (a namespace import). `env` binds the
 * parameters of the library functions that were called on the way.
 */
export interface ResolvedValue {
  node: Node;
  env: ParamEnv;
}

export type Resolution = { ok: true; value: ResolvedValue } | { ok: false; reason: string };

/** Library factories are shallow; a deep chain is almost certainly a cycle. */
const maxDepth = 24;

/**
 * Follows a check value that is not written inline — `erc20.supply('token')`, an
 * imported constant, `...erc20Invariants('token')` — to the literal it evaluates to,
 * across relative imports, without running anything. Only the shapes a library is
 * written in are understood: a function whose body is a single `return <literal>`
 * (or an arrow whose body is the literal), namespace and named imports, object members.
 */
export function resolveLibraryCheck(expression: Node, env: ParamEnv, session: AnalysisSession): Resolution {
  return resolve(expression, env, session, 0);
}

export function isFunctionLike(node: Node): node is FunctionLike {
  return (
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isFunctionDeclaration(node) ||
    Node.isMethodDeclaration(node)
  );
}

type Step = (node: Node, env: ParamEnv, session: AnalysisSession, depth: number) => Resolution;

const unwrap: Step = (node, env, session, depth) => {
  const inner = (node as Node & { getExpression(): Node }).getExpression();
  return resolve(inner, env, session, depth + 1);
};

const steps: Partial<Record<SyntaxKind, Step>> = {
  [SyntaxKind.ParenthesizedExpression]: unwrap,
  [SyntaxKind.AsExpression]: unwrap,
  [SyntaxKind.SatisfiesExpression]: unwrap,
  [SyntaxKind.NonNullExpression]: unwrap,
  [SyntaxKind.TypeAssertionExpression]: unwrap,
  [SyntaxKind.Identifier]: (node, env, session, depth) => resolveIdentifier(node, env, session, depth),
  [SyntaxKind.CallExpression]: (node, env, session, depth) =>
    resolveCall(node.asKindOrThrow(SyntaxKind.CallExpression), env, session, depth),
  [SyntaxKind.PropertyAccessExpression]: (node, env, session, depth) => {
    const access = node.asKindOrThrow(SyntaxKind.PropertyAccessExpression);
    return resolveMember(access.getExpression(), access.getName(), env, session, depth);
  },
  [SyntaxKind.ElementAccessExpression]: (node, env, session, depth) => {
    const access = node.asKindOrThrow(SyntaxKind.ElementAccessExpression);
    const argument = access.getArgumentExpression();
    const name = argument === undefined ? undefined : evaluateString(argument, env);
    if (name === undefined) return fail(`\`${node.getText()}\` uses a key that is not a constant string`);
    return resolveMember(access.getExpression(), name, env, session, depth);
  },
  [SyntaxKind.VariableDeclaration]: (node, _env, session, depth) => {
    const initializer = node.asKindOrThrow(SyntaxKind.VariableDeclaration).getInitializer();
    if (!initializer) return fail(`\`${node.getText()}\` has no initializer`);
    // Module-level constants do not see any library parameter.
    return resolve(initializer, emptyEnv, session, depth + 1);
  },
  [SyntaxKind.PropertyAssignment]: (node, env, session, depth) => {
    const initializer = node.asKindOrThrow(SyntaxKind.PropertyAssignment).getInitializer();
    return initializer ? resolve(initializer, env, session, depth + 1) : fail('property without a value');
  },
  [SyntaxKind.ShorthandPropertyAssignment]: (node, env, session, depth) =>
    resolveIdentifier(node.asKindOrThrow(SyntaxKind.ShorthandPropertyAssignment).getNameNode(), env, session, depth),
};

const terminalKinds = new Set([
  SyntaxKind.ArrowFunction,
  SyntaxKind.FunctionExpression,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.ObjectLiteralExpression,
  SyntaxKind.SourceFile,
]);

function resolve(node: Node, env: ParamEnv, session: AnalysisSession, depth: number): Resolution {
  if (depth > maxDepth) return fail(`gave up following \`${shortText(node)}\`: too many indirections`);
  if (terminalKinds.has(node.getKind())) return { ok: true, value: { node, env } };
  const step = steps[node.getKind()];
  if (!step) return fail(`\`${shortText(node)}\` is not a function, an object literal or a call of a library function`);
  return step(node, env, session, depth);
}

function resolveIdentifier(node: Node, env: ParamEnv, session: AnalysisSession, depth: number): Resolution {
  const name = node.getText();
  if (env.has(name)) return fail(`\`${name}\` is a parameter of the library function, not a check`);
  const sourceFile = node.getSourceFile();
  const binding = session.bindingsOf(sourceFile).get(name);
  if (!binding) return fail(`\`${name}\` is not declared at the top level of ${sourceFile.getBaseName()}`);
  if (binding.kind === 'local') return resolve(binding.declaration, emptyEnv, session, depth + 1);
  const target = session.openImport(sourceFile, binding.moduleSpecifier);
  if (!target) return fail(unfollowedImport(binding.moduleSpecifier));
  if (binding.imported === '*') return { ok: true, value: { node: target, env: emptyEnv } };
  const exported = findExport(target, binding.imported, session);
  if (!exported) return fail(`${target.getBaseName()} has no export \`${binding.imported}\``);
  return resolve(exported, emptyEnv, session, depth + 1);
}

function resolveCall(call: CallExpression, env: ParamEnv, session: AnalysisSession, depth: number): Resolution {
  const callee = resolve(call.getExpression(), env, session, depth + 1);
  if (!callee.ok) return callee;
  const fn = callee.value.node;
  if (!isFunctionLike(fn)) return fail(`\`${shortText(call.getExpression())}\` is not a function`);
  const returned = returnedExpression(fn);
  if (!returned) return fail(`\`${shortText(call.getExpression())}\` does not consist of a single \`return\``);
  const bound = new Map<string, ParamValue>(callee.value.env);
  const args = call.getArguments();
  fn.getParameters().forEach((parameter, i) => {
    const nameNode = parameter.getNameNode();
    if (!Node.isIdentifier(nameNode)) return;
    const argument = args[i] ?? parameter.getInitializer();
    const argumentEnv = args[i] ? env : emptyEnv;
    bound.set(nameNode.getText(), argument ? evaluateArgument(argument, argumentEnv) : { kind: 'unknown' });
  });
  return resolve(returned, bound, session, depth + 1);
}

function returnedExpression(fn: FunctionLike): Node | undefined {
  const body = fn.getBody();
  if (!body) return undefined;
  if (!Node.isBlock(body)) return body;
  const statements = body.getStatements();
  const only = statements.length === 1 ? statements[0] : undefined;
  return only && Node.isReturnStatement(only) ? only.getExpression() : undefined;
}

function resolveMember(
  receiver: Node,
  name: string,
  env: ParamEnv,
  session: AnalysisSession,
  depth: number,
): Resolution {
  const owner = resolve(receiver, env, session, depth + 1);
  if (!owner.ok) return owner;
  const { node, env: ownerEnv } = owner.value;
  if (Node.isSourceFile(node)) {
    const exported = findExport(node, name, session);
    if (!exported) return fail(`${node.getBaseName()} has no export \`${name}\``);
    return resolve(exported, emptyEnv, session, depth + 1);
  }
  if (Node.isObjectLiteralExpression(node)) {
    const member = findMember(node, name, ownerEnv);
    const value = member && memberValue(member);
    if (!value) return fail(`\`${shortText(receiver)}\` has no member \`${name}\``);
    return resolve(value, ownerEnv, session, depth + 1);
  }
  return fail(`\`${shortText(receiver)}\` is not an object or a module`);
}

function unfollowedImport(specifier: string): string {
  return specifier.startsWith('.')
    ? `\`${specifier}\` does not name a file that exists`
    : `\`${specifier}\` is a package, whose source is not followed`;
}

function fail(reason: string): Resolution {
  return { ok: false, reason };
}

function shortText(node: Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
