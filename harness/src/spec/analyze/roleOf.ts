import { Node } from 'ts-morph';
import { helperBinding, roleForContextName, type Binding } from './Binding.js';
import { constructs } from './constructs.js';
import type { PureWalk } from './PureWalk.js';

/**
 * The role of an expression that names something from the context rather than
 * computing a value: `token`, `ctx.token`, `ctx[key]`, `old(token)`, `keys.owners`.
 * Undefined for ordinary expressions, which the visitor then checks by syntax kind.
 */
export function roleOf(expression: Node, walk: PureWalk): Binding | undefined {
  const node = skipTypeSyntax(expression);
  if (Node.isIdentifier(node)) return lookup(node.getText(), walk);
  if (Node.isPropertyAccessExpression(node)) {
    if (node.hasQuestionDotToken()) return undefined;
    return memberRole(roleOf(node.getExpression(), walk), node.getName(), walk);
  }
  if (Node.isElementAccessExpression(node)) {
    if (node.hasQuestionDotToken()) return undefined;
    const argument = node.getArgumentExpression();
    const key = argument && staticKey(argument, walk);
    return key === undefined ? undefined : memberRole(roleOf(node.getExpression(), walk), key, walk);
  }
  if (Node.isCallExpression(node)) {
    const args = node.getArguments();
    if (roleOf(node.getExpression(), walk)?.role !== 'old' || args.length !== 1) return undefined;
    const target = roleOf(args[0], walk);
    return target?.role === 'handle' ? { ...target, old: true } : undefined;
  }
  return undefined;
}

function memberRole(owner: Binding | undefined, name: string, walk: PureWalk): Binding | undefined {
  if (owner?.role === 'context') {
    return roleForContextName(name, walk.options.contractKeys, walk.options.contractKeysComplete);
  }
  if (owner?.role === 'keys') return { role: 'collection', name: `keys.${name}` };
  return undefined;
}

/** `ctx['token']` or `ctx[key]` where `key` is a library parameter holding a contract key. */
function staticKey(argument: Node, walk: PureWalk): string | undefined {
  if (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument)) return argument.getLiteralValue();
  if (!Node.isIdentifier(argument)) return undefined;
  const binding = walk.scope.get(argument.getText());
  return binding?.role === 'contractKey' ? binding.contract : undefined;
}

/** Scope first, then the file's imports and declarations, then globals. */
export function lookup(name: string, walk: PureWalk): Binding {
  const scoped = walk.scope.get(name);
  if (scoped) return scoped;
  const moduleBinding = walk.options.moduleBindings.get(name);
  if (moduleBinding?.kind === 'import') {
    return helperBinding(moduleBinding.imported) ?? { role: 'free', name, origin: 'import' };
  }
  if (moduleBinding?.kind === 'local') return { role: 'free', name, origin: 'module' };
  // The runtime may inject the helpers; an unimported `sum` is no reason to give up on a proof.
  return helperBinding(name) ?? { role: 'free', name, origin: 'global' };
}

export function skipTypeSyntax(node: Node): Node {
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isNonNullExpression(current) ||
    Node.isTypeAssertion(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

const specialGlobals: Readonly<Record<string, string>> = {
  Math: constructs.math,
  console: constructs.console,
  chain: constructs.chain,
};

/** Roots whose whole access chain is reported as one construct (`ghosts.x`, `Math.max(...)`). */
export function specialConstruct(binding: Binding): string | undefined {
  if (binding.role === 'ghosts') return constructs.ghost;
  if (binding.role === 'chain') return constructs.chain;
  if (binding.role === 'free' && binding.origin === 'global' && Object.hasOwn(specialGlobals, binding.name)) {
    return specialGlobals[binding.name];
  }
  return undefined;
}

/** Walks an access/call chain down to the first thing with a role and reports it if special. */
export function rootSpecialConstruct(expression: Node, walk: PureWalk): string | undefined {
  const node = skipTypeSyntax(expression);
  const binding = roleOf(node, walk);
  if (binding) return specialConstruct(binding);
  if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node) || Node.isCallExpression(node)) {
    return rootSpecialConstruct(node.getExpression(), walk);
  }
  return undefined;
}

/** The construct reported when a name with this role is used as a plain value; undefined if allowed. */
export function roleAsValueConstruct(binding: Binding): string | undefined {
  switch (binding.role) {
    case 'value':
      return undefined;
    case 'handle':
      return constructs.handleAsValue;
    case 'collection':
    case 'keys':
      return constructs.collectionAsValue;
    case 'call':
      return constructs.callAsValue;
    case 'old':
    case 'quantifier':
    case 'implies':
      return constructs.helperAsValue;
    case 'ghosts':
      return constructs.ghost;
    case 'chain':
      return constructs.chain;
    case 'context':
      return constructs.contextAsValue;
    case 'contractKey':
      return constructs.contractKeyAsValue;
    case 'unknownContext':
      return constructs.unknownContext;
    case 'libraryParameter':
      return constructs.libraryParameter;
    case 'free':
      return specialConstruct(binding) ?? freeConstructs[binding.origin];
  }
}

const freeConstructs = {
  import: constructs.importedIdentifier,
  module: constructs.moduleIdentifier,
  global: constructs.freeIdentifier,
} as const;
