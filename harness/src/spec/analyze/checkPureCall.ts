import { Node, type CallExpression, type PropertyAccessExpression } from 'ts-morph';
import type { Binding } from './Binding.js';
import { constructs } from './constructs.js';
import { arrayMethods, stringMethods } from './pureTables.js';
import { report, type PureWalk } from './PureWalk.js';
import { roleOf, rootSpecialConstruct, skipTypeSyntax } from './roleOf.js';

/**
 * Calls are where most specs leave the subset, so they get their own rules: the spec
 * helpers (sum/forall/exists/implies/old) and view calls on contract handles are in,
 * every other call is out.
 */
export function checkPureCall(call: CallExpression, walk: PureWalk): void {
  if (call.hasQuestionDotToken()) return report(walk, call, constructs.optionalChaining);
  const callee = skipTypeSyntax(call.getExpression());
  const calleeRole = roleOf(callee, walk);
  if (calleeRole) return checkHelperCall(call, calleeRole, walk);
  if (Node.isPropertyAccessExpression(callee)) return checkMethodCall(call, callee, walk);
  report(walk, call, constructs.functionCall);
}

function checkHelperCall(call: CallExpression, callee: Binding, walk: PureWalk): void {
  switch (callee.role) {
    case 'quantifier':
      return checkQuantifier(call, walk);
    case 'implies':
      if (call.getArguments().length !== 2) return report(walk, call, constructs.malformedImplies);
      return visitArguments(call, walk);
    case 'old':
      // A well-formed old(handle) has a role of its own and never reaches here.
      return report(walk, call, constructs.oldOfNonContract);
    case 'free':
      if (callee.origin === 'global' && callee.name === 'BigInt') return report(walk, call, constructs.bigIntCall);
      return report(walk, call, constructs.functionCall);
    default:
      return report(walk, call, constructs.functionCall);
  }
}

function checkQuantifier(call: CallExpression, walk: PureWalk): void {
  const args = call.getArguments();
  if (args.length !== 2) return report(walk, call, constructs.malformedQuantifier);
  const [collection, callback] = args;
  if (roleOf(collection, walk)?.role !== 'collection') report(walk, collection, constructs.notACollection);
  const fn = skipTypeSyntax(callback);
  if (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) walk.checkCallback(fn, walk);
  else report(walk, callback, constructs.nonInlineCallback);
}

/** Roles whose members are plain data, so a method on them is judged by the method's name. */
const dataRoles: ReadonlySet<Binding['role']> = new Set(['value', 'collection', 'call']);

function checkMethodCall(
  call: CallExpression,
  callee: PropertyAccessExpression,
  walk: PureWalk,
): void {
  const special = rootSpecialConstruct(callee, walk);
  if (special) return report(walk, call, special);
  const receiver = callee.getExpression();
  const receiverRole = roleOf(receiver, walk);
  if (receiverRole?.role === 'handle') return visitArguments(call, walk);
  if (receiverRole && !dataRoles.has(receiverRole.role)) {
    // The receiver itself is the problem (an unknown context name, an import): say so and keep looking.
    walk.visit(receiver, walk);
    return visitArguments(call, walk);
  }
  const method = callee.getName();
  if (arrayMethods.has(method)) return report(walk, call, constructs.arrayMethod);
  if (stringMethods.has(method)) return report(walk, call, constructs.stringOperation);
  report(walk, call, constructs.methodOnValue);
}

function visitArguments(call: CallExpression, walk: PureWalk): void {
  for (const argument of call.getArguments()) walk.visit(argument, walk);
}
