import { Node, type ObjectLiteralElementLike, type ObjectLiteralExpression } from 'ts-morph';
import { evaluateString, type ParamEnv } from './evaluateArgument.js';

/** The key of an object-literal member as the runtime sees it; undefined if computed at run time. */
export function memberName(member: ObjectLiteralElementLike, env: ParamEnv): string | undefined {
  if (Node.isSpreadAssignment(member)) return undefined;
  if (Node.isShorthandPropertyAssignment(member)) return member.getName();
  const nameNode = member.getNameNode();
  if (Node.isIdentifier(nameNode) || Node.isPrivateIdentifier(nameNode)) return nameNode.getText();
  if (Node.isStringLiteral(nameNode) || Node.isNoSubstitutionTemplateLiteral(nameNode)) return nameNode.getLiteralValue();
  if (Node.isNumericLiteral(nameNode)) return String(nameNode.getLiteralValue());
  if (Node.isComputedPropertyName(nameNode)) return evaluateString(nameNode.getExpression(), env);
  return undefined;
}

/** The last member named `name` (later keys win in an object literal); spreads are not searched. */
export function findMember(
  object: ObjectLiteralExpression,
  name: string,
  env: ParamEnv,
): ObjectLiteralElementLike | undefined {
  const members = object.getProperties();
  for (let i = members.length - 1; i >= 0; i--) {
    const member = members[i];
    if (memberName(member, env) === name) return member;
  }
  return undefined;
}

/** The expression a member contributes: its initializer, the shorthand identifier, or the method. */
export function memberValue(member: ObjectLiteralElementLike): Node | undefined {
  if (Node.isPropertyAssignment(member)) return member.getInitializer();
  if (Node.isShorthandPropertyAssignment(member)) return member.getNameNode();
  if (Node.isMethodDeclaration(member)) return member;
  return undefined;
}
